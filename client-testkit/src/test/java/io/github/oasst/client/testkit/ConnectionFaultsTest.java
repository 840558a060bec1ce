package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Connection faults as a proxy in front of a real backend produces them, met by the real client. */
class ConnectionFaultsTest {
    private static final User USER = User.discord("42", "Ada");

    private static OasstException firstFetchFailingWith(ConnectionFault fault, FakeOasstBackend backend) {
        backend.connectionFaults(ConnectionFaults.of(1, 7, Set.of(fault)).withDelay(Duration.ofMillis(1500)));
        try (OasstClient client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(backend.apiKey())
                .retryPolicy(RetryPolicy.disabled())
                .readTimeout(Duration.ofMillis(500))
                .build()) {
            return catchThrowableOfType(OasstException.class, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));
        }
    }

    @Test
    void aRefusedRequestFailsBeforeTheBackendHandlesIt() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            OasstException failure = firstFetchFailingWith(ConnectionFault.REFUSE, backend);

            assertThat(failure).isNotNull();
            assertThat(backend.tasks()).as("nothing handed out").isEmpty();
            assertThat(backend.connectionFaults().orElseThrow().injected())
                    .isEqualTo(Map.of(ConnectionFault.REFUSE, 1L));
        }
    }

    @Test
    void a503ComesBeforeTheBackendHandlesTheRequest() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            OasstException failure = firstFetchFailingWith(ConnectionFault.SERVICE_UNAVAILABLE, backend);

            assertThat(failure).isInstanceOf(OasstError.class);
            assertThat(((OasstError) failure).status()).isEqualTo(503);
            assertThat(failure.failureClass()).isEqualTo(FailureClass.NOT_PROCESSED);
            assertThat(backend.tasks()).isEmpty();
        }
    }

    @Test
    void aDroppedAnswerComesAfterTheBackendHandledTheRequest() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            OasstException failure = firstFetchFailingWith(ConnectionFault.DROP_ANSWER, backend);

            assertThat(failure.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
            assertThat(backend.tasks()).as("the task was handed out").hasSize(1);
        }
    }

    @Test
    void aTruncatedAnswerComesAfterTheBackendHandledTheRequest() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            OasstException failure = firstFetchFailingWith(ConnectionFault.TRUNCATE_ANSWER, backend);

            assertThat(failure.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
            assertThat(failure.getMessage()).contains("response truncated", "POST /api/v1/tasks/");
            assertThat(backend.tasks()).hasSize(1);
        }
    }

    @Test
    void aDelayedAnswerPassesTheReadTimeoutAfterTheBackendHandledTheRequest() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            OasstException failure = firstFetchFailingWith(ConnectionFault.DELAY_ANSWER, backend);

            assertThat(failure.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
            assertThat(failure.getMessage()).containsIgnoringCase("timeout");
            assertThat(backend.tasks()).hasSize(1);
        }
    }

    @Test
    void resetKeepsTheFaultsTheBackendWasBuiltWithAndDropsLaterOnes() {
        ConnectionFaults built = ConnectionFaults.of(0.1, 1, Set.of(ConnectionFault.REFUSE));
        try (FakeOasstBackend backend =
                        FakeOasstBackend.builder().connectionFaults(built).start();
                FakeOasstBackend plain = FakeOasstBackend.start()) {
            backend.connectionFaults(ConnectionFaults.of(1, 1, Set.of(ConnectionFault.DROP_ANSWER)));
            plain.connectionFaults(ConnectionFaults.of(1, 1, Set.of(ConnectionFault.DROP_ANSWER)));

            backend.reset();
            plain.reset();

            assertThat(backend.connectionFaults()).containsSame(built);
            assertThat(plain.connectionFaults()).isEmpty();
        }
    }

    @Test
    void theSameSeedFaultsTheSameRequests() {
        assertThat(draw(ConnectionFaults.of(0.3, 11, EnumSet.allOf(ConnectionFault.class))))
                .isEqualTo(draw(ConnectionFaults.of(0.3, 11, EnumSet.allOf(ConnectionFault.class))))
                .isNotEqualTo(draw(ConnectionFaults.of(0.3, 12, EnumSet.allOf(ConnectionFault.class))));
    }

    @Test
    void faultsComeAtTheRateWithEachKindAboutEquallyOften() {
        ConnectionFaults faults = ConnectionFaults.of(0.2, 3, EnumSet.allOf(ConnectionFault.class));
        draw(faults, 50_000);

        long total =
                faults.injected().values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isBetween(9_500L, 10_500L);
        assertThat(faults.injected())
                .hasSize(5)
                .allSatisfy((kind, count) -> assertThat(count).isBetween(1_800L, 2_200L));
    }

    @Test
    void invalidSettingsAreRefused() {
        Set<ConnectionFault> all = EnumSet.allOf(ConnectionFault.class);
        assertThatThrownBy(() -> ConnectionFaults.of(1.5, 1, all)).hasMessageContaining("rate must be in [0, 1]");
        assertThatThrownBy(() -> ConnectionFaults.of(Double.NaN, 1, all)).hasMessageContaining("rate");
        assertThatThrownBy(() -> ConnectionFaults.of(0.1, 1, Set.of())).hasMessageContaining("kinds must not be empty");
        assertThatThrownBy(() -> ConnectionFaults.of(0.1, 1, all).withDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("delay must not be negative");
    }

    private static List<ConnectionFault> draw(ConnectionFaults faults) {
        return draw(faults, 200);
    }

    private static List<ConnectionFault> draw(ConnectionFaults faults, int requests) {
        List<ConnectionFault> drawn = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            drawn.add(faults.next());
        }
        return drawn;
    }
}
