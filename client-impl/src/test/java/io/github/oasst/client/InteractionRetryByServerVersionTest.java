package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whether an interaction whose answer was lost is sent again depends on the server: a 2023-05 server
 * refuses a repeated reply, ranking or labels with {@code TASK_ALREADY_DONE} (2105), which proves the
 * first was stored, so the client repeats them and reconciles; a 2023-01 server stores repeated
 * labels twice, so there the client never repeats an interaction by default. The client learns the
 * version once, from {@code GET /api/v1/tasks/availability}, unless told.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InteractionRetryByServerVersionTest extends RetryTestSupport {
    private static final String PROBE = "/api/v1/tasks/availability";

    enum Kind {
        REPLY(TextReplyToMessage.of(USER, "fe-1", "u-1", "Hi")),
        RANKING(new MessageRanking(USER, "fe-2", List.of(1, 0))),
        LABELS(new TextLabels(USER, new UUID(3, 4), "text", Map.of("spam", 0.0), new UUID(5, 6), null));

        final Interaction interaction;

        Kind(Interaction interaction) {
            this.interaction = interaction;
        }
    }

    private static void server(int probeStatus) {
        backend.stubFor(get(PROBE).willReturn(aResponse().withStatus(probeStatus)));
    }

    private static void lostThenAlreadyDone() {
        answer(
                Op.INTERACTION.path,
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                oasstError(400, OasstErrorCode.TASK_ALREADY_DONE, "Task already done."));
    }

    private static Throwable post(OasstClient client, Interaction interaction, Mode mode) {
        Throwable failure = mode == Mode.SYNC
                ? catchThrowable(() -> client.postInteraction(interaction))
                : catchThrowable(() -> client.postInteractionAsync(interaction).join());
        return failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void onA2023_05ServerALostInteractionIsSentAgainAndAlreadyDoneMeansStored(Kind kind) {
        for (Mode mode : Mode.values()) {
            backend.resetAll();
            server(405);
            lostThenAlreadyDone();
            List<OasstCall> calls = new ArrayList<>();
            OasstClient client = client(builder().listener(calls::add));

            assertThat(post(client, kind.interaction, mode)).as(mode.name()).isNull();

            assertThat(requests(Op.INTERACTION)).as(mode.name()).isEqualTo(2);
            assertThat(calls).extracting(OasstCall::outcome).containsExactly(OasstCall.Outcome.RECONCILED);
            assertThat(client.serverVersion()).isEqualTo(OasstServerVersion.V2023_05);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void onA2023_01ServerALostInteractionIsNotSentAgainAndSaysItMayHaveBeenStored(Kind kind) {
        for (Mode mode : Mode.values()) {
            backend.resetAll();
            server(404);
            lostThenAlreadyDone();
            OasstClient client = client();

            assertThat(post(client, kind.interaction, mode))
                    .as(mode.name())
                    .isInstanceOfSatisfying(
                            OasstException.class,
                            e -> assertThat(e.getMessage())
                                    .endsWith("; may have been stored; not repeated to avoid a duplicate)"));
            assertThat(requests(Op.INTERACTION)).as(mode.name()).isEqualTo(1);
            assertThat(client.serverVersion()).isEqualTo(OasstServerVersion.V2023_01);
        }
    }

    @Test
    void theVersionIsLearnedOnceForTheClientAndItsViews() {
        server(405);
        answer(Op.INTERACTION.path, Op.INTERACTION.success());
        OasstClient client = client();

        client.postInteraction(Kind.REPLY.interaction);
        client.forUser(USER).postInteraction(Kind.RANKING.interaction);
        client.postInteractionAsync(Kind.LABELS.interaction).join();

        assertThat(client.serverVersion()).isEqualTo(OasstServerVersion.V2023_05);
        assertThat(backend.findAll(getRequestedFor(urlEqualTo(PROBE)))).hasSize(1);
    }

    @Test
    void aStatedVersionIsNeverAskedFor() {
        lostThenAlreadyDone();
        OasstClient client = client(builder().serverVersion(OasstServerVersion.V2023_05));

        client.postInteraction(Kind.REPLY.interaction);

        assertThat(client.serverVersion()).isEqualTo(OasstServerVersion.V2023_05);
        assertThat(backend.findAll(getRequestedFor(urlEqualTo(PROBE)))).isEmpty();
        assertThat(requests(Op.INTERACTION)).isEqualTo(2);
    }

    @Test
    void whenTheVersionCannotBeLearnedTheInteractionIsNeverRepeated() {
        server(401);
        lostThenAlreadyDone();
        OasstClient client = client();

        assertThat(post(client, Kind.REPLY.interaction, Mode.SYNC)).isInstanceOf(OasstException.class);

        assertThat(requests(Op.INTERACTION)).isEqualTo(1);
        assertThat(catchThrowable(client::serverVersion))
                .as("the probe's own failure")
                .isInstanceOf(OasstException.class)
                .hasMessageStartingWith("401");
    }

    @Test
    void anExplicitSetOfKindsAppliesWhateverTheVersion() {
        server(405);
        lostThenAlreadyDone();
        OasstClient client = client(RetryPolicy.builder()
                .jitter(0)
                .retryAmbiguousInteractions(java.util.Set.of())
                .build());

        assertThat(post(client, Kind.REPLY.interaction, Mode.SYNC)).isInstanceOf(OasstException.class);

        assertThat(requests(Op.INTERACTION)).isEqualTo(1);
        assertThat(backend.findAll(getRequestedFor(urlEqualTo(PROBE)))).isEmpty();
    }
}
