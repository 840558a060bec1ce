package io.github.oasst.client;

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
 * RetryPolicy.Builder#retryAmbiguousInteractions(Set)}). Recorded from the 2023-01 backend.
 */
public enum InteractionKind {
    /**
     * {@link TextReplyToMessage}: a repeat is refused with {@code TASK_ALREADY_DONE} (2105), which
     * proves that the first one was stored. Safe to repeat; the 2105 reconciles.
     */
    TEXT_REPLY,
    /**
     * {@link MessageRanking}: a repeat collides in the backend's database and is refused with 1004
     * ({@code Interaction request failed.}); nothing is stored twice, but the 1004 proves nothing
     * about the first one either. Safe to repeat; after a 1004 the call may or may not have been
     * stored.
     */
    RANKING,
    /** {@link TextLabels}: a repeat is accepted and stored a second time. Never repeat. */
    LABELS,
    /**
     * {@link MessageRating}: not recorded (the 2023-01 backend serves no task it answers). Not
     * known to be safe to repeat.
     */
    RATING;

    /** The kinds whose repeat the backend refuses: a text reply and a ranking. */
    public static final Set<InteractionKind> SAFE_TO_REPEAT =
            Collections.unmodifiableSet(EnumSet.of(TEXT_REPLY, RANKING));

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
