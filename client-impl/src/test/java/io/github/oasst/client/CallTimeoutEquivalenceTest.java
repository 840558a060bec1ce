package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.oasst.client.TestSupport.API_KEY;
import static io.github.oasst.client.TestSupport.USER;
import static io.github.oasst.client.TestSupport.json;
import static io.github.oasst.client.TransportEquivalenceSupport.TASK;
import static io.github.oasst.client.TransportEquivalenceSupport.TASK_ID;
import static io.github.oasst.client.TransportEquivalenceSupport.outcome;
import static io.github.oasst.client.TransportEquivalenceSupport.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Request;
import io.github.oasst.client.TransportEquivalenceSupport.ApiCall;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's transport and a Feign client on Feign's stock OkHttp client end a call alike when its
 * call timeout runs out: on slow headers, a slow body, a slow error body and a body cut short.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CallTimeoutEquivalenceTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    static Stream<Arguments> slowAnswers() {
        return Stream.of(
                Arguments.of("slow headers", json(200, TASK).withFixedDelay(3_000)),
                Arguments.of("slow body", json(200, TASK).withChunkedDribbleDelay(10, 3_000)),
                Arguments.of(
                        "slow error body",
                        json(500, "{\"message\":\"INTERNAL_SERVER_ERROR\",\"error_code\":0}")
                                .withChunkedDribbleDelay(10, 3_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slowAnswers")
    void theCallTimeoutEndsBothTransportsAlike(String name, ResponseDefinitionBuilder answer) {
        backend.stubFor(any(anyUrl()).willReturn(answer));
        Duration timeout = Duration.ofMillis(300);
        try (OasstClient slow =
                TestSupport.clientOf(backend).callTimeout(timeout).build()) {
            OasstTasksApi timedStock = stock(
                    new okhttp3.OkHttpClient.Builder().callTimeout(timeout).build(),
                    slow.baseUrl(),
                    new Request.Options());
            ApiCall fetch = api -> api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));

            String viaOurs = outcome(fetch, slow.tasksApi());
            String viaStock = outcome(fetch, timedStock);

            assertThat(viaOurs).isEqualTo(viaStock).contains("InterruptedIOException");
            assertThat(catchThrowable(() -> fetch.call(slow.tasksApi())))
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CALL_TIMEOUT));
        }
    }

    /**
     * A body that stops halfway: the headers and the start of the body come at once, the rest
     * never (WireMock's dribbling holds the headers back too).
     */
    @ParameterizedTest(name = "status {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {200, 500})
    void aBodyCutShortByTheCallTimeoutFailsBothTransportsAlike(int status) throws Exception {
        Duration timeout = Duration.ofMillis(300);
        try (java.net.ServerSocket stalling =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> stall(stalling, status));
            server.setDaemon(true);
            server.start();
            String baseUrl = "http://127.0.0.1:" + stalling.getLocalPort();
            try (OasstClient slow = OasstClient.builder()
                    .baseUrl(baseUrl)
                    .apiKey(API_KEY)
                    .retryPolicy(RetryPolicy.disabled())
                    .callTimeout(timeout)
                    .build()) {
                OasstTasksApi timedStock = stock(
                        new okhttp3.OkHttpClient.Builder().callTimeout(timeout).build(),
                        baseUrl,
                        new Request.Options());
                ApiCall fetch = api -> api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));

                String viaOurs = outcome(fetch, slow.tasksApi());
                String viaStock = outcome(fetch, timedStock);

                assertThat(viaOurs).isEqualTo(viaStock).contains("InterruptedIOException");
            }
        }
    }

    /** Answers each connection's first request with a head and half a body, then waits. */
    private static void stall(java.net.ServerSocket server, int status) {
        while (!server.isClosed()) {
            try {
                java.net.Socket socket = server.accept();
                Thread connection = new Thread(() -> {
                    try (socket) {
                        var in = new java.io.BufferedReader(
                                new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                        String line;
                        while ((line = in.readLine()) != null && !line.isEmpty()) {
                            // the request head; its small body stays unread
                        }
                        socket.getOutputStream()
                                .write(("HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\n"
                                                + "Content-Length: 200\r\n\r\n{\"id\":\"" + TASK_ID + "\",")
                                        .getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                        Thread.sleep(3_000);
                    } catch (java.io.IOException | InterruptedException e) {
                        // the client gave up
                    }
                });
                connection.setDaemon(true);
                connection.start();
            } catch (java.io.IOException e) {
                return; // closed
            }
        }
    }
}
