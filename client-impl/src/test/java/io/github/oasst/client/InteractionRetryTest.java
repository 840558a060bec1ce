package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interactions whose answer was lost, per {@link InteractionKind}: sent again only when the policy
 * opts in for their kind (task already done then means done), labels never; a failure says whether
 * the interaction may have been stored.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InteractionRetryTest extends RetryTestSupport {
    private OasstClient clientRepeatingSafeInteractions() {
        return client(RetryPolicy.builder()
                .jitter(0)
                .retryAmbiguousInteractions(InteractionKind.SAFE_TO_REPEAT)
                .build());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void withTheOptInAnAmbiguousInteractionIsRetriedAndTaskAlreadyDoneMeansDone(Mode mode) {
        OasstClient client = clientRepeatingSafeInteractions();
        answer(
                Op.INTERACTION.path,
                aResponse().withFault(Fault.EMPTY_RESPONSE),
                oasstError(400, OasstErrorCode.TASK_ALREADY_DONE, "Task already done."));

        assertThat(Op.INTERACTION.outcome(client, mode)).isNull();
        assertThat(requests(Op.INTERACTION)).isEqualTo(2);
    }

    @Test
    void withTheOptInAnAmbiguousInteractionIsSentAgainUntilItSucceeds() {
        OasstClient client = clientRepeatingSafeInteractions();
        answer(Op.INTERACTION.path, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Op.INTERACTION.success());

        assertThat(Op.INTERACTION.outcome(client, Mode.SYNC)).isNull();
        assertThat(requests(Op.INTERACTION)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void labelsWhoseAnswerWasLostAreNeverSentAgainAndTheFailureSaysSo(Mode mode) {
        OasstClient client = client(RetryPolicy.builder()
                .jitter(0)
                .retryAmbiguousInteractions(java.util.EnumSet.allOf(InteractionKind.class).stream()
                        .filter(kind -> kind != InteractionKind.LABELS)
                        .collect(java.util.stream.Collectors.toSet()))
                .build());
        answer(Op.INTERACTION.path, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Op.INTERACTION.success());
        io.github.oasst.client.protocol.TextLabels labels = new io.github.oasst.client.protocol.TextLabels(
                USER, UUID.fromString("c7dad4bf-46c1-4de6-848e-66059ab855c5"), "text", java.util.Map.of("spam", 0.0));

        Throwable failure = mode == Mode.SYNC
                ? catchThrowable(() -> client.postInteraction(labels))
                : catchThrowable(() -> client.postInteractionAsync(labels).join());
        if (failure instanceof CompletionException wrapped) {
            failure = wrapped.getCause();
        }

        assertThat(failure).isInstanceOfSatisfying(OasstTransportException.class, e -> {
            assertThat(e.mayHaveTakenEffect()).isTrue();
            assertThat(e.getMessage()).endsWith("; may have been stored; not repeated to avoid a duplicate)");
        });
        assertThat(requests(Op.INTERACTION)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aRankingWhoseAnswerWasLostIsSentAgainAndARefusedRepeatSaysItMayHaveBeenStored(Mode mode) {
        OasstClient client = clientRepeatingSafeInteractions();
        answer(
                Op.INTERACTION.path,
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                oasstError(400, OasstErrorCode.TASK_INTERACTION_REQUEST_FAILED, "Interaction request failed."));
        io.github.oasst.client.protocol.MessageRanking ranking =
                new io.github.oasst.client.protocol.MessageRanking(USER, "fe-1", List.of(0, 1));

        Throwable failure = mode == Mode.SYNC
                ? catchThrowable(() -> client.postInteraction(ranking))
                : catchThrowable(() -> client.postInteractionAsync(ranking).join());
        if (failure instanceof CompletionException wrapped) {
            failure = wrapped.getCause();
        }

        assertThat(failure).isInstanceOfSatisfying(OasstError.class, e -> {
            assertThat(e.errorCode()).hasValue(1004);
            assertThat(e.mayHaveTakenEffect()).isTrue();
            assertThat(e.getMessage()).endsWith("; may have been stored by an attempt whose answer was lost)");
        });
        assertThat(requests(Op.INTERACTION)).isEqualTo(2);
    }
}
