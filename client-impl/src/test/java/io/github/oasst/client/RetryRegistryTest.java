package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The clients' {@code Retry} instances in a {@code RetryRegistry}: one configured elsewhere keeps
 * its attempts and waits, retrying only what the policy allows if it has the client's rules and as
 * it is if not; one configured before the client keeps its settings; two clients share them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryRegistryTest extends RetryTestSupport {
    @Test
    void aRetryConfiguredElsewhereWithTheClientsRulesKeepsItsAttemptsAndWaits() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        // what Resilience4j's Spring Boot starter makes of resilience4j.retry.instances.oasst-fetch-task
        registry.retry(
                "oasst-fetch-task",
                OasstResilience4j.withClientRules(
                                RetryConfig.custom().maxAttempts(4).waitDuration(Duration.ofMillis(70)))
                        .build());
        List<OasstCall> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        OasstClient client = client(builder().retryRegistry(registry).listener(calls::add));
        answer(status(503, "{}"), status(503, "{}"), status(503, "{}"), task());

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(requests()).as("its 4 attempts, not the policy's 3").isEqualTo(4);
        assertThat(calls.get(0).duration()).as("its 3 waits of 70 ms").isEqualTo(Duration.ofMillis(210));
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 1L, 0L, 0L));
    }

    @Test
    void aRetryConfiguredElsewhereWithTheClientsRulesRetriesOnlyWhatThePolicyAllows() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        registry.retry(
                "oasst-fetch-task",
                OasstResilience4j.withClientRules(RetryConfig.custom().maxAttempts(4))
                        .build());
        OasstClient client = client(builder().retryRegistry(registry));
        answer(status(404, "{\"error_code\":1000,\"message\":\"Invalid request type\"}"), task());

        assertThatThrownBy(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                .isInstanceOf(OasstError.class);
        assertThat(requests())
                .as("a definite error is not retried, whatever the instance's own predicate")
                .isEqualTo(1);
    }

    @Test
    void aRetryConfiguredElsewhereWithoutTheClientsRulesIsUsedAsItIs() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        registry.retry("oasst-fetch-task", RetryConfig.custom().maxAttempts(2).build());
        OasstClient client = client(builder().retryRegistry(registry));
        answer(status(404, "{\"error_code\":1000,\"message\":\"Invalid request type\"}"), task());

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(requests())
                .as("Resilience4j's default predicate retries everything")
                .isEqualTo(2);
    }

    @Test
    void twoClientsOnOneRegistryShareItsInstancesAndBothAreCounted() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        OasstClient first = client(builder().retryRegistry(registry));
        OasstClient second = client(builder().retryRegistry(registry));
        answer(status(503, "{}"), task());

        first.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        second.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(first.retry(OasstOperation.FETCH_TASK)).isSameAs(second.retry(OasstOperation.FETCH_TASK));
        assertThat(registry.getAllRetries()).hasSize(OasstOperation.values().length);
        assertThat(counts(registry.retry("oasst-fetch-task"))).isEqualTo(List.of(1L, 1L, 0L, 0L));
    }

    @Test
    void aRetryConfiguredInTheRegistryBeforeTheClientKeepsItsSettings() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        Retry configured = registry.retry(
                "oasst-fetch-task",
                RetryConfig.from(OasstResilience4j.retryConfig(RetryPolicy.defaults()))
                        .maxAttempts(7)
                        .build());
        OasstClient client = client(builder().retryRegistry(registry));
        answer(status(503, "{}"));

        catchThrowable(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

        assertThat(client.retry(OasstOperation.FETCH_TASK)).isSameAs(configured);
        assertThat(configured.getRetryConfig().getMaxAttempts()).isEqualTo(7);
        assertThat(requests()).isEqualTo(7);
        assertThat(counts(configured)).isEqualTo(List.of(0L, 0L, 0L, 1L));
    }
}
