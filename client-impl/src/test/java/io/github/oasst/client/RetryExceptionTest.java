package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.oasst.client.TestSupport.USER;
import static io.github.oasst.client.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exception a call ends with: the client's own, sync or async, never a wrapper, telling how many
 * attempts were made and why each failed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryExceptionTest extends RetryTestSupport {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void theLastExceptionTellsHowManyAttemptsWereMadeAndWhyEachFailed(Op op, Mode mode) {
        answer(
                op.path,
                json(503, "{\"detail\":\"one\"}"),
                json(429, "{\"detail\":\"two\"}"),
                json(503, "{\"detail\":\"three\"}"));

        Throwable failure = op.outcome(client(), mode);

        assertThat(failure).isInstanceOfSatisfying(OasstError.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.earlierAttempts())
                    .extracting(OasstException::description)
                    .containsExactly("503 Service Unavailable: one", "429 Too Many Requests: two");
            assertThat(e.getMessage())
                    .isEqualTo("503 Service Unavailable: three (POST " + op.path + "; 3 attempts:"
                            + " 1) 503 Service Unavailable: one; 2) 429 Too Many Requests: two; 3) this)");
        });
        assertThat(requests(op)).isEqualTo(3);
        assertThat(time.waits()).containsExactly(200L, 400L);
    }

    @Test
    void anAsyncFailureIsTheClientsExceptionNotAWrapper() throws Exception {
        OasstClient client = client(builder());
        answer(status(404, "{\"error_code\":2100,\"message\":\"gone\"}"));
        CompletableFuture<?> future = client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER);
        AtomicReference<Throwable> seen = new AtomicReference<>();

        future.handle((value, failure) -> {
                    seen.set(failure);
                    return null;
                })
                .get(10, TimeUnit.SECONDS);

        assertThat(seen.get()).isInstanceOf(OasstError.class);
    }

    @Test
    void aTransportFailureAsyncIsTheClientsExceptionToo() throws Exception {
        OasstClient client = client(builder().retryPolicy(RetryPolicy.disabled()));
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        AtomicReference<Throwable> seen = new AtomicReference<>();

        client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER)
                .handle((value, failure) -> {
                    seen.set(failure);
                    return null;
                })
                .get(10, TimeUnit.SECONDS);

        assertThat(seen.get())
                .isInstanceOfSatisfying(
                        OasstTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CONNECTION_LOST));
    }
}
