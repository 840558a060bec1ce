package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;

/**
 * Rejects a task: the frontend could not show it.
 *
 * @param reason why; not null (the 2023-01 server requires it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskNAck(@JsonProperty("reason") String reason) {
    public TaskNAck {
        Checks.notNull(reason, "reason");
    }
}
