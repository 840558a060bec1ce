package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;

/**
 * Acknowledges a task: the frontend has shown it and binds it to its own message id.
 *
 * @param messageId the frontend's id of the message that shows the task; not blank
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskAck(@JsonProperty("message_id") String messageId) {
    public TaskAck {
        Checks.notBlank(messageId, "message id");
    }
}
