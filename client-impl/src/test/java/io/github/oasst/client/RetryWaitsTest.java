package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.await;
import static io.github.oasst.client.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.event.RetryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How long a retry waits: a 429's Retry-After or the wait in its message, exponential backoff up to
 * its cap, jitter over its band; a wait past the deadline is not taken. Waits run on virtual time,
 * except where async waits are shown to be scheduled and to block no thread.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryWaitsTest extends RetryTestSupport {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void everyOperationWaitsTheRetryAfterOfA429(Op op, Mode mode) {
        answer(op.path, json(429, "{\"detail\":\"slow down\"}").withHeader("Retry-After", "2"), op.success());

        assertThat(op.outcome(client(), mode)).isNull();
        assertThat(requests(op)).isEqualTo(2);
        assertThat(time.waits()).containsExactly(2000L);
    }

    @Test
    void theRateLimitMessageGivesTheWaitWhenThereIsNoHeader() {
        answer(
                Op.ACK.path,
                oasstError(429, OasstErrorCode.TOO_MANY_REQUESTS, "Too Many Requests. Retry After 3 seconds."),
                Op.ACK.success());

        assertThat(Op.ACK.outcome(client(), Mode.SYNC)).isNull();
        assertThat(time.waits()).containsExactly(3000L);
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCap() {
        OasstClient client = client(RetryPolicy.builder()
                .jitter(0)
                .maxAttempts(6)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(500))
                .build());
        answer(Op.FETCH.path, json(503, "{}"));

        assertThat(Op.FETCH.outcome(client, Mode.SYNC)).isInstanceOf(OasstError.class);
        assertThat(time.waits()).containsExactly(100L, 200L, 400L, 500L, 500L);
        assertThat(requests(Op.FETCH)).isEqualTo(6);
    }

    @Test
    void jitterSpreadsEachWaitOverItsBand() {
        RetryPolicy policy = RetryPolicy.builder().jitter(0.5).build();
        java.util.Set<Long> waits = new java.util.TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            waits.add(policy.backoff(2, new RuntimeException()).toMillis());
        }

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(200L, 600L));
        assertThat(waits).as("waits drawn over the band, not one value").hasSizeGreaterThan(100);
        assertThat(((java.util.TreeSet<Long>) waits).first()).isLessThan(260L);
        assertThat(((java.util.TreeSet<Long>) waits).last()).isGreaterThan(540L);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aWaitPastTheDeadlineIsNotTakenAndNoRetryIsAnnounced(Mode mode) {
        OasstClient client = client();
        List<RetryEvent> events = new ArrayList<>();
        client.retry(OasstOperation.FETCH_TASK).getEventPublisher().onEvent(events::add);
        answer(Op.FETCH.path, json(429, "{}").withHeader("Retry-After", "60"), Op.FETCH.success());

        Throwable failure = Op.FETCH.outcome(client, mode);

        assertThat(failure)
                .isInstanceOfSatisfying(
                        OasstError.class, e -> assertThat(e.status()).isEqualTo(429));
        assertThat(requests(Op.FETCH)).isEqualTo(1);
        assertThat(time.waits()).isEmpty();
        assertThat(events).extracting(RetryEvent::getEventType).containsExactly(RetryEvent.Type.IGNORED_ERROR);
        assertThat(client.retry(OasstOperation.FETCH_TASK).getMetrics().getNumberOfFailedCallsWithoutRetryAttempt())
                .isEqualTo(1);
    }

    @Test
    void asyncWaitsAreScheduledAndBlockNoThread() {
        answer(Op.FETCH.path, json(503, "{}"), Op.FETCH.success());
        TestSupport.HeldScheduler scheduler = new TestSupport.HeldScheduler();
        OasstClient client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .scheduler(scheduler)
                .build();
        clients.add(client);

        CompletableFuture<?> future = Op.FETCH.call(client, Mode.ASYNC);
        await(() -> scheduler.waiting() == 1);

        assertThat(future).as("waiting for its retry, held by the scheduler").isNotDone();
        assertThat(requests(Op.FETCH)).isEqualTo(1);
        scheduler.endWaits();
        assertThat(catchThrowable(future::join)).isNull();
        assertThat(requests(Op.FETCH)).isEqualTo(2);
    }
}
