package io.github.oasst.examples.quickstart;

import io.github.oasst.client.api.OasstException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One step of a round as it ended: a task requested, and what became of it.
 *
 * @param requested the task type requested, or a description
 * @param received the type of the task received, or {@code -}
 * @param outcome how the step ended
 * @param detail a few words on it, for the summary
 * @param taskId the task received, null when none was
 * @param messageId the frontend message id the task was acknowledged with, null when it was not
 * @param latency how long the step took, retries included
 * @param failure what ended a step that did not go through, else null
 */
record Step(
        String requested,
        String received,
        Outcome outcome,
        String detail,
        @Nullable UUID taskId,
        @Nullable String messageId,
        Duration latency,
        @Nullable OasstException failure) {

    /** How a step ended. */
    enum Outcome {
        /** The task was answered. */
        ANSWERED("answered"),
        /** The task was rejected, as the round meant to. */
        NACKED("nacked"),
        /** The server does not produce this task type. */
        NOT_SERVED("not served"),
        /** The server had no task of this type ({@code task_done}). */
        NONE_AVAILABLE("none available"),
        /**
         * The answer's fate is unknown: it may have been stored, and was not sent again because that
         * could store it twice (or a repeat could not tell).
         */
        UNCERTAIN("UNCERTAIN"),
        /** The step failed: nothing of its answer was stored. */
        FAILED("FAILED");

        final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** Whether the server could serve the step: it produced a task, or should have. */
        boolean servable() {
            return this != NOT_SERVED && this != NONE_AVAILABLE;
        }

        /** Whether the step went through: its task answered or rejected. */
        boolean complete() {
            return this == ANSWERED || this == NACKED;
        }
    }
}
