package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;

/**
 * Closes a collective task.
 *
 * @param messageId the frontend message id the task was acknowledged with; not blank
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskClose(@JsonProperty("message_id") String messageId) {
    public TaskClose {
        Checks.notBlank(messageId, "message id");
    }
}
