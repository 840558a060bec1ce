package io.github.oasst.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A circuit breaker of the client counts the backend's trouble, not its definite answers. */
class OasstResilience4jTest {
    private static OasstError error(int status, Integer code) {
        return new OasstError(status, code, "m", "POST", "/api/v1/tasks/", "", List.of(), null);
    }

    @Test
    void countsTransportFailuresAnd5xxButNotDefiniteAnswersOrARateLimit() {
        assertThat(OasstResilience4j.countsAgainstTheBackend(new OasstTransportException(
                        OasstTransportException.Kind.CONNECT_FAILED, "POST", "/", new IOException())))
                .isTrue();
        assertThat(OasstResilience4j.countsAgainstTheBackend(error(503, null))).isTrue();
        assertThat(OasstResilience4j.countsAgainstTheBackend(error(500, 0))).isTrue();
        assertThat(OasstResilience4j.countsAgainstTheBackend(error(404, 2100))).isFalse();
        assertThat(OasstResilience4j.countsAgainstTheBackend(error(400, 1000))).isFalse();
        assertThat(OasstResilience4j.countsAgainstTheBackend(error(429, 429))).isFalse();
        assertThat(OasstResilience4j.countsAgainstTheBackend(new IllegalStateException()))
                .isFalse();
    }

    @Test
    void aBreakerWithTheClientsRulesStaysClosedOnDefiniteAnswersAndOpensOnOutages() {
        CircuitBreaker breaker = CircuitBreaker.of(
                "oasst",
                OasstResilience4j.withClientRules(CircuitBreakerConfig.custom()
                                .slidingWindowSize(4)
                                .minimumNumberOfCalls(4))
                        .build());
        for (int i = 0; i < 8; i++) {
            breaker.onError(0, TimeUnit.MILLISECONDS, error(404, 2100));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 4; i++) {
            breaker.onError(0, TimeUnit.MILLISECONDS, error(503, null));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
