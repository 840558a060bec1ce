package io.github.oasst.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Request;
import feign.Request.HttpMethod;
import feign.RequestTemplate;
import feign.Target;
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

class OkHttpFeignClientTest {
    private final OkHttpFeignClient client = new OkHttpFeignClient(new OkHttpClient(), "oasst-java-client/test");

    @Test
    void aRequestGoesToItsTargetsOriginOnly() {
        assertThat(client.url(request("http://127.0.0.1:8080", "http://127.0.0.1:8080//localhost/steal")))
                .as("a path that starts with // stays on the target's host")
                .isEqualTo(HttpUrl.get("http://127.0.0.1:8080//localhost/steal"));

        for (String elsewhere : List.of(
                "http://localhost/steal",
                "http://127.0.0.1:8081/api/v1/tasks/",
                "https://127.0.0.1:8080/api/v1/tasks/",
                "http://127.0.0.1:8080@evil.example/x",
                "http://127.0.0.1.evil.example:8080/x")) {
            assertThat(catchThrowable(() -> client.url(request("http://127.0.0.1:8080", elsewhere))))
                    .as(elsewhere)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not sent")
                    .hasMessageContaining("http://127.0.0.1:8080");
        }
    }

    @Test
    void aRequestWithoutATargetUrlIsNotSent() {
        Request noTemplate = Request.create(
                HttpMethod.GET, "http://127.0.0.1:8080/api/v1/tasks/", Map.of(), null, StandardCharsets.UTF_8, null);
        RequestTemplate empty = new RequestTemplate().feignTarget(Target.EmptyTarget.create(Object.class));
        Request emptyTarget = Request.create(
                HttpMethod.GET, "http://127.0.0.1:8080/api/v1/tasks/", Map.of(), null, StandardCharsets.UTF_8, empty);

        assertThat(catchThrowable(() -> client.url(noTemplate)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Feign target");
        assertThat(catchThrowable(() -> client.url(emptyTarget)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Feign target");
    }

    /** A request of a Feign client whose target is at {@code target}. */
    static Request request(String target, String url) {
        RequestTemplate template =
                new RequestTemplate().feignTarget(new Target.HardCodedTarget<>(Object.class, target));
        return Request.create(HttpMethod.GET, url, Map.of(), null, StandardCharsets.UTF_8, template);
    }

    @Test
    void theDefaultUserAgentIsSentUnlessTheRequestHasOne() {
        Request plain = request(Map.of("Content-Type", List.of("application/json")));
        Request withAgent = request(Map.of("User-Agent", List.of("my-bot/1.2")));

        assertThat(client.toOkHttp(plain, new Request.Options(), new Sending(true))
                        .header("User-Agent"))
                .isEqualTo("oasst-java-client/test");
        assertThat(client.toOkHttp(withAgent, new Request.Options(), new Sending(true))
                        .headers("User-Agent"))
                .containsExactly("my-bot/1.2");
        assertThat(new OkHttpFeignClient(new OkHttpClient(), null)
                        .toOkHttp(plain, new Request.Options(), new Sending(true))
                        .header("User-Agent"))
                .as("OkHttp adds its own later")
                .isNull();
    }

    @Test
    void theBodyTakesTheContentTypeAndOkHttpTheContentLength() throws Exception {
        okhttp3.Request request = client.toOkHttp(
                request(Map.of(
                        "Content-Type", List.of("application/json; charset=UTF-8"), "Content-Length", List.of("999"))),
                new Request.Options(),
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
                new RequestTemplate().feignTarget(new Target.HardCodedTarget<>(Object.class, "http://127.0.0.1:8080")));
    }

    @Test
    void optionsOtherThanTheClientsOwnAreHonoured() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> acceptAndSayNothing(silent));
            server.setDaemon(true);
            server.start();
            OkHttpFeignClient lenient = new OkHttpFeignClient(
                    new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build(), null);
            String origin = "http://127.0.0.1:" + silent.getLocalPort();
            Request request = Request.create(
                    HttpMethod.POST,
                    origin + "/api/v1/tasks/",
                    Map.of("Content-Type", List.of("application/json")),
                    "{}".getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8,
                    new RequestTemplate().feignTarget(new Target.HardCodedTarget<>(Object.class, origin)));
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
