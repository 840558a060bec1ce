package io.github.oasst.client.testkit;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A text-labels row of the 2023-05 fake: a user's labels of a message, through a task or free
 * (then updated in place when the user labels the message again). Guarded by the backend's lock.
 */
final class MayLabel {
    final UUID messageId;
    final MayUser user;
    final @Nullable UUID taskId;
    final String text;
    Map<String, Double> labels;

    MayLabel(UUID messageId, MayUser user, @Nullable UUID taskId, String text, Map<String, Double> labels) {
        this.messageId = messageId;
        this.user = user;
        this.taskId = taskId;
        this.text = text;
        this.labels = labels;
    }
}
