package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.oasst.client.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which failures are retried, for every operation, sync and async: not processed (a 503, a refused
 * connection) always; ambiguous (a lost answer, a read timeout, a 500) except interactions; definite
 * (an OASST error code, even on a 503) never. Counted in WireMock's request journal, waits on virtual
 * time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryByFailureClassTest extends RetryTestSupport {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void everyOperationIsRetriedAfter503(Op op, Mode mode) {
        answer(op.path, json(503, "{\"detail\":\"busy\"}"), op.success());

        assertThat(op.outcome(client(), mode)).isNull();
        assertThat(requests(op)).isEqualTo(2);
        assertThat(time.waits()).containsExactly(200L);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void aRefusedConnectionIsRetriedForEveryOperation(Op op, Mode mode) throws Exception {
        int port;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OasstClient client = OasstClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .nanoClock(time::nanoTime)
                .scheduler(time.scheduler())
                .build();
        clients.add(client);

        Throwable failure = op.outcome(client, mode);

        assertThat(failure).isInstanceOfSatisfying(OasstTransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CONNECT_FAILED);
            assertThat(e.attempts()).isEqualTo(3);
        });
        assertThat(time.waits()).containsExactly(200L, 400L);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyOperationAndAmbiguousFault")
    void ambiguousFailuresAreRetriedExceptForInteractions(Op op, Mode mode, Fault fault) {
        answer(op.path, aResponse().withFault(fault), op.success());

        Throwable failure = op.outcome(client(), mode);

        if (fault == Fault.MALFORMED_RESPONSE_CHUNK && op != Op.FETCH) {
            // the 200 status arrived before the garbled body, and only a fetch reads the body: done
            assertThat(failure).isNull();
            assertThat(requests(op)).isEqualTo(1);
        } else if (op == Op.INTERACTION) {
            assertThat(failure).isInstanceOfSatisfying(OasstTransportException.class, e -> {
                assertThat(e.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
                assertThat(e.attempts()).isEqualTo(1);
            });
            assertThat(requests(op))
                    .as("an interaction is never sent twice without the opt-in")
                    .isEqualTo(1);
        } else {
            assertThat(failure).isNull();
            assertThat(requests(op)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void aReadTimeoutIsAmbiguous(Op op, Mode mode) {
        answer(op.path, op.success().withFixedDelay(2_500), aResponse().withStatus(500), op.success());

        Throwable failure = op.outcome(client(), mode);

        if (op == Op.INTERACTION) {
            assertThat(failure)
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.READ_TIMEOUT));
            assertThat(requests(op)).isEqualTo(1);
        } else {
            // read timeout, then 500 (ambiguous too), then success
            assertThat(failure).isNull();
            assertThat(requests(op)).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void definiteErrorsAreNotRetried(Op op, Mode mode) {
        answer(op.path, oasstError(404, OasstErrorCode.TASK_NOT_FOUND, "Task not found"));

        Throwable failure = op.outcome(client(), mode);

        assertThat(failure)
                .isInstanceOfSatisfying(
                        OasstError.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(requests(op)).isEqualTo(1);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void a503CarryingATaskErrorCodeIsDefinite() {
        answer(Op.FETCH.path, oasstError(503, OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE, "No tasks"));

        assertThat(Op.FETCH.outcome(client(), Mode.SYNC)).isInstanceOf(OasstError.class);
        assertThat(requests(Op.FETCH)).isEqualTo(1);
    }
}
