package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to rank prompter replies to the assistant's last message.
 *
 * @param id the task id
 * @param conversation the conversation the replies answer
 * @param replies the replies to rank
 */
public record RankPrompterRepliesTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("conversation") Conversation conversation,
        @JsonProperty("replies") List<String> replies)
        implements RankRepliesTask {
    public static final String TYPE = "rank_prompter_replies";

    public RankPrompterRepliesTask(UUID id, @Nullable Conversation conversation, @Nullable List<String> replies) {
        this.id = Checks.notNull(id, "task id");
        this.conversation = conversation == null ? new Conversation(null) : conversation;
        this.replies = Checks.listOrEmpty(replies, "replies");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
