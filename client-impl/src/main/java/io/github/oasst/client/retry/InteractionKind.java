package io.github.oasst.client.retry;

import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.MessageRating;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of interaction, by what the backend does with one sent twice: what decides whether an
 * interaction whose answer was lost may be sent again (see {@link
 * RetryPolicy.Builder#retryAmbiguousInteractions(Set)}). Recorded from the 2023-01 and 2023-05
 * backends.
 */
public enum InteractionKind {
    /**
     * {@link TextReplyToMessage}: a repeat is refused with {@code TASK_ALREADY_DONE} (2105) by both
     * versions, which proves that the first one was stored. Safe to repeat; the 2105 reconciles.
     */
    TEXT_REPLY,
    /**
     * {@link MessageRanking}: a 2023-05 server refuses a repeat with 2105, which reconciles. A 2023-01
     * server refuses it with 1004 ({@code Interaction request failed.}, a collision in its database):
     * nothing is stored twice, but the 1004 proves nothing about the first one either, so after it
     * the call may or may not have been stored.
     */
    RANKING,
    /**
     * {@link TextLabels}: a 2023-05 server refuses a repeat with a {@code task_id} with 2105, which
     * reconciles, and updates the user's labels of a repeat without one. A 2023-01 server stores a
     * repeat a second time: never repeat there.
     */
    LABELS,
    /**
     * {@link MessageRating}: not recorded (the 2023-01 backend serves no task it answers). Not
     * known to be safe to repeat.
     */
    RATING;

    /**
     * The kinds whose repeat the 2023-01 backend refuses, so that nothing is stored twice: a text
     * reply and a ranking. A 2023-05 backend refuses the repeat of each of {@link
     * #reconciledOn(OasstServerVersion)}.
     */
    public static final Set<InteractionKind> SAFE_TO_REPEAT =
            Collections.unmodifiableSet(EnumSet.of(TEXT_REPLY, RANKING));

    private static final Set<InteractionKind> REPEAT_ANSWERED_2105_2023_01 =
            Collections.unmodifiableSet(EnumSet.of(TEXT_REPLY));
    private static final Set<InteractionKind> REPEAT_ANSWERED_2105_2023_05 =
            Collections.unmodifiableSet(EnumSet.of(TEXT_REPLY, RANKING, LABELS));

    /**
     * The kinds whose repeat a server of the version refuses with {@code TASK_ALREADY_DONE} (2105),
     * which proves that the first one was stored: after a lost answer, sending them again either
     * stores them or reconciles. 2023-01: a text reply; 2023-05: a text reply, a ranking and labels.
     */
    public static Set<InteractionKind> reconciledOn(OasstServerVersion server) {
        return switch (server) {
            case V2023_01 -> REPEAT_ANSWERED_2105_2023_01;
            case V2023_05 -> REPEAT_ANSWERED_2105_2023_05;
        };
    }

    /** The kind of an interaction. */
    public static InteractionKind of(Interaction interaction) {
        if (interaction instanceof TextReplyToMessage) {
            return TEXT_REPLY;
        }
        if (interaction instanceof MessageRanking) {
            return RANKING;
        }
        if (interaction instanceof TextLabels) {
            return LABELS;
        }
        if (interaction instanceof MessageRating) {
            return RATING;
        }
        throw new IllegalArgumentException("not an interaction of this protocol: " + interaction);
    }
}
