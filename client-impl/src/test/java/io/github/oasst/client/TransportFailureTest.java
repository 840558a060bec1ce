package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.api.OasstTransportException.Kind;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.retry.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Network failures become OasstTransportException, saying whether the request may have been processed. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TransportFailureTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionIsNotProcessedAndSaysSo() throws IOException {
        try (OasstClient client = OasstClient.builder()
                .baseUrl("http://127.0.0.1:" + closedPort())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.disabled())
                .build()) {

            OasstTransportException failure = catchThrowableOfType(
                    OasstTransportException.class, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

            assertThat(failure.kind()).isEqualTo(Kind.CONNECT_FAILED);
            assertThat(failure.mayHaveReachedServer()).isFalse();
            assertThat(failure.failureClass()).isEqualTo(FailureClass.NOT_PROCESSED);
            assertThat(failure.getMessage())
                    .startsWith("could not connect (request not sent): ConnectException")
                    .endsWith("(POST /api/v1/tasks/)");
        }
    }

    @Test
    void aResponseSlowerThanTheReadTimeoutIsAnAmbiguousReadTimeout() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse().withFixedDelay(2_000).withBody("{}")));

        try (OasstClient client = TestSupport.clientOf(backend)
                .readTimeout(Duration.ofMillis(200))
                .build()) {
            OasstTransportException failure = catchThrowableOfType(
                    OasstTransportException.class, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

            assertThat(failure.kind()).isEqualTo(Kind.READ_TIMEOUT);
            assertThat(failure.mayHaveReachedServer()).isTrue();
            assertThat(failure.getMessage()).startsWith("read timed out (request may have reached the server)");
        }
    }

    @Test
    void theCallTimeoutBoundsAnAttempt() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse().withFixedDelay(2_000).withBody("{}")));

        try (OasstClient client = TestSupport.clientOf(backend)
                .callTimeout(Duration.ofMillis(300))
                .build()) {
            OasstTransportException failure = catchThrowableOfType(
                    OasstTransportException.class, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

            assertThat(failure.kind()).isEqualTo(Kind.CALL_TIMEOUT);
            assertThat(failure.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aConnectionLostAfterSendingIsAmbiguousAndSentOnlyOnce(Fault fault) {
        backend.stubFor(post("/api/v1/tasks/interaction").willReturn(aResponse().withFault(fault)));

        try (OasstClient client = TestSupport.clientOf(backend).build()) {
            OasstTransportException failure = catchThrowableOfType(
                    OasstTransportException.class,
                    () -> client.postInteraction(TextReplyToMessage.of(USER, "m", "u", "text")));

            assertThat(failure.kind()).isEqualTo(Kind.CONNECTION_LOST);
            assertThat(failure.mayHaveReachedServer()).isTrue();
            assertThat(failure.getMessage())
                    .endsWith(
                            "(POST /api/v1/tasks/interaction; may have been stored; not repeated to avoid a duplicate)");
        }
        // OkHttp's own silent retry is off: the interaction went out exactly once
        backend.verify(1, postRequestedFor(urlEqualTo("/api/v1/tasks/interaction")));
    }
}
