package io.github.oasst.examples.spring;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one round did.
 *
 * @param outcome answered, rejected, or no task available
 * @param taskType the task's wire type; the type asked for when none was available
 * @param taskId the task's id; null when none was available
 * @param detail the answer's interaction type, why the task was rejected, or why none was available
 */
public record Round(
        Outcome outcome, String taskType, @Nullable UUID taskId, String detail) {

    public enum Outcome {
        ANSWERED,
        REJECTED,
        NO_TASK
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case ANSWERED -> "answered a " + taskType + " task (id " + taskId + ") with a " + detail;
            case REJECTED -> "rejected a " + taskType + " task (id " + taskId + "): " + detail;
            case NO_TASK -> "no " + taskType + " task available: " + detail;
        };
    }
}
