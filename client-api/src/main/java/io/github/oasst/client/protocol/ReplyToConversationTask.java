package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to write the next message of a conversation (the server's base type of the two reply tasks).
 *
 * @param id the task id
 * @param conversation the conversation so far
 */
public record ReplyToConversationTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("conversation") Conversation conversation) implements ReplyTask {
    public static final String TYPE = "reply_to_conversation";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public ReplyToConversationTask(UUID id, @Nullable Conversation conversation) {
        this.id = Checks.notNull(id, "task id");
        this.conversation = Conversation.orEmpty(conversation);
    }
}
