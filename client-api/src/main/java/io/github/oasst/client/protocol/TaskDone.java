package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;

/**
 * The server's answer when a task is finished, or when asked for a task while none is available.
 *
 * @param id an id the server generates; it identifies nothing else
 */
public record TaskDone(@JsonProperty("id") UUID id) implements Task {
    public static final String TYPE = "task_done";

    public TaskDone {
        Checks.notNull(id, "task id");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
