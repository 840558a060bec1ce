package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to write the first prompt of a new conversation.
 *
 * @param id the task id
 * @param hint a suggestion for the prompt; may be null
 */
public record InitialPromptTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("hint") @Nullable String hint) implements ReplyTask {
    public static final String TYPE = "initial_prompt";

    public InitialPromptTask {
        Checks.notNull(id, "task id");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
