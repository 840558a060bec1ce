package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a conversation, oldest first.
 *
 * @param messages the messages; never null, empty when the server sent none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Conversation(@JsonProperty("messages") List<ConversationMessage> messages) {
    private static final Conversation EMPTY = new Conversation(null);

    public Conversation(@Nullable List<ConversationMessage> messages) {
        this.messages = Checks.listOrEmpty(messages, "messages");
    }

    /** The conversation, or an empty one for null. */
    static Conversation orEmpty(@Nullable Conversation conversation) {
        return conversation == null ? EMPTY : conversation;
    }

    /** The last message, the one a reply answers; null for an empty conversation. */
    public @Nullable ConversationMessage lastMessage() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }
}
