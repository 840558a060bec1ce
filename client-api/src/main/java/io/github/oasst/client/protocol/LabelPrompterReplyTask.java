package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;

/**
 * Asks the user to label a prompter's reply (the 2023-01 server fails to generate it: 1005).
 *
 * @param id the task id
 * @param content the reply, its conversation and the labels asked for
 */
public record LabelPrompterReplyTask(
        @JsonProperty("id") UUID id, @JsonUnwrapped ReplyToLabel content) implements LabelReplyTask {
    public static final String TYPE = "label_prompter_reply";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public LabelPrompterReplyTask {
        Checks.notNull(id, "task id");
        Checks.notNull(content, "content");
    }
}
