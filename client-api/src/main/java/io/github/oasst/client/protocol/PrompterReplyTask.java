package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to write the prompter's next message, replying to the assistant.
 *
 * @param id the task id
 * @param hint a suggestion for the reply; may be null
 * @param conversation the conversation so far
 */
public record PrompterReplyTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("hint") @Nullable String hint,
        @JsonProperty("conversation") Conversation conversation)
        implements ReplyTask {
    public static final String TYPE = "prompter_reply";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public PrompterReplyTask(UUID id, @Nullable String hint, @Nullable Conversation conversation) {
        this.id = Checks.notNull(id, "task id");
        this.hint = hint;
        this.conversation = Conversation.orEmpty(conversation);
    }
}
