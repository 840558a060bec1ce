package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;

/**
 * Asks the user to label a reply in a conversation (the server's base type of the two reply-labelling tasks).
 *
 * @param id the task id
 * @param content the reply, its conversation and the labels asked for
 */
public record LabelConversationReplyTask(
        @JsonProperty("id") UUID id, @JsonUnwrapped ReplyToLabel content) implements LabelReplyTask {
    public static final String TYPE = "label_conversation_reply";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public LabelConversationReplyTask {
        Checks.notNull(id, "task id");
        Checks.notNull(content, "content");
    }
}
