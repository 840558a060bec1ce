package io.github.oasst.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Request;
import feign.Request.HttpMethod;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OkHttpFeignClientTest {
    private final OkHttpFeignClient client = new OkHttpFeignClient(new OkHttpClient(), "oasst-java-client/test");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/api/v1/tasks/",
                "http://127.0.0.1:8080/api/v1/tasks/00908626-7a35-4e1c-9582-29613f757c10/ack",
                "http://127.0.0.1:8080/api/v1/tasks/availability?lang=pt-BR",
                "http://127.0.0.1:8080/api/v1/tasks/availability?lang=a%20b&x=%C3%A9#frag",
                "http://127.0.0.1:8080/a/../b/./c//d",
                "http://127.0.0.1:8080/caf\u00e9 space/x?q=caf\u00e9 space",
                "http://127.0.0.1:8080/",
                "HTTP://Backend.Example.ORG/prefix/api/v1/tasks/",
                "https://backend.example.org:443/api/v1/tasks/close",
                "https://b\u00fccher.example/api/v1/tasks/",
                "http://[::1]:9000/api/v1/tasks/interaction",
                "http://user:secret@127.0.0.1:8080/api/v1/tasks/"
            })
    void aUrlOfTheLastOriginResolvesToWhatOkHttpParses(String url) {
        HttpUrl expected = HttpUrl.get(url);
        String origin = url.substring(0, url.indexOf('/', url.indexOf("://") + 3));

        client.url(origin + "/another/path?x=1"); // learns the origin
        HttpUrl resolved = client.url(url); // resolved against it
        HttpUrl recent = client.url(url); // one of the last ones

        assertThat(resolved).isEqualTo(expected);
        assertThat(resolved.toString()).isEqualTo(expected.toString());
        assertThat(recent).isSameAs(resolved);
    }

    @Test
    void anotherOriginIsParsedInFull() {
        client.url("http://127.0.0.1:8080/api/v1/tasks/");

        assertThat(client.url("http://127.0.0.1:8081/api/v1/tasks/"))
                .isEqualTo(HttpUrl.get("http://127.0.0.1:8081/api/v1/tasks/"));
        client.url("http://127.0.0.1:808/api/v1/tasks/");
        assertThat(client.url("http://127.0.0.1:8080/x"))
                .as("a longer port is another origin")
                .isEqualTo(HttpUrl.get("http://127.0.0.1:8080/x"));
        assertThat(client.url("http://127.0.0.1:8080?q=1")).isEqualTo(HttpUrl.get("http://127.0.0.1:8080?q=1"));
    }

    @Test
    void theDefaultUserAgentIsSentUnlessTheRequestHasOne() {
        Request plain = request(Map.of("Content-Type", List.of("application/json")));
        Request withAgent = request(Map.of("User-Agent", List.of("my-bot/1.2")));

        assertThat(client.toOkHttp(plain, new Sending(true)).header("User-Agent"))
                .isEqualTo("oasst-java-client/test");
        assertThat(client.toOkHttp(withAgent, new Sending(true)).headers("User-Agent"))
                .containsExactly("my-bot/1.2");
        assertThat(new OkHttpFeignClient(new OkHttpClient(), null)
                        .toOkHttp(plain, new Sending(true))
                        .header("User-Agent"))
                .as("OkHttp adds its own later")
                .isNull();
    }

    @Test
    void theBodyTakesTheContentTypeAndOkHttpTheContentLength() throws Exception {
        okhttp3.Request request = client.toOkHttp(
                request(Map.of(
                        "Content-Type", List.of("application/json; charset=UTF-8"), "Content-Length", List.of("999"))),
                new Sending(true));

        assertThat(request.header("Content-Length")).isNull();
        assertThat(request.header("Content-Type")).isNull();
        assertThat(request.body().contentType()).hasToString("application/json; charset=UTF-8");
        assertThat(request.body().contentLength()).isEqualTo(2);
        assertThat(request.header("Accept")).isEqualTo("*/*");
    }

    private static Request request(Map<String, java.util.Collection<String>> headers) {
        return Request.create(
                HttpMethod.POST,
                "http://127.0.0.1:8080/api/v1/tasks/",
                headers,
                "{}".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8,
                null);
    }

    @Test
    void optionsOtherThanTheClientsOwnAreHonoured() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> acceptAndSayNothing(silent));
            server.setDaemon(true);
            server.start();
            OkHttpFeignClient lenient = new OkHttpFeignClient(
                    new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build(), null);
            Request request = Request.create(
                    HttpMethod.POST,
                    "http://127.0.0.1:" + silent.getLocalPort() + "/api/v1/tasks/",
                    Map.of("Content-Type", List.of("application/json")),
                    "{}".getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8,
                    null);
            Request.Options impatient = new Request.Options(1, TimeUnit.SECONDS, 200, TimeUnit.MILLISECONDS, false);

            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> lenient.execute(request, impatient));

            assertThat(failure).isInstanceOfSatisfying(CallFailedException.class, e -> {
                assertThat(e.failure()).isInstanceOf(InterruptedIOException.class);
                assertThat(e.sent()).as("the request had gone out").isTrue();
            });
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
                    .as("the 200 ms read timeout of the options, not the client's 30 s")
                    .isLessThan(20);
        }
    }

    private static void acceptAndSayNothing(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.sleep(5_000);
                socket.close();
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
