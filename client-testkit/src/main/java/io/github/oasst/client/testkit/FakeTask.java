package io.github.oasst.client.testkit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task the fake backend handed out, as it stands: what a test checks after a frontend played with
 * it, for example that nothing was stored twice.
 *
 * @param id the task's id
 * @param type its type's wire name, for example {@code initial_prompt}
 * @param status where it is in its lifecycle
 * @param frontendMessageId the frontend message id it was acknowledged with, null before the ack
 * @param answersStored how many interactions were stored for it: 1 once answered, 2 when a text
 *     label was sent twice (the backend stores it again)
 */
public record FakeTask(
        UUID id, String type, Status status, @Nullable String frontendMessageId, int answersStored) {
    /** A task's place in its lifecycle. */
    public enum Status {
        /** Handed out, not acknowledged. */
        NEW,
        /** Acknowledged, not answered. */
        ACKED,
        /** Rejected. */
        NACKED,
        /** Answered (or closed, when collective). */
        DONE
    }
}
