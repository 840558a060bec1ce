package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to write the assistant's reply to the conversation's last message.
 *
 * @param id the task id
 * @param conversation the conversation so far
 */
public record AssistantReplyTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("conversation") Conversation conversation) implements ReplyTask {
    public static final String TYPE = "assistant_reply";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public AssistantReplyTask(UUID id, @Nullable Conversation conversation) {
        this.id = Checks.notNull(id, "task id");
        this.conversation = Conversation.orEmpty(conversation);
    }
}
