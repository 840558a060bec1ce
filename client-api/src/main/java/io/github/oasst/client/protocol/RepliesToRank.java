package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the three tasks that rank replies carry ({@link RankRepliesTask}): the conversation and the
 * candidate replies to its last message. Its fields stand in the task's JSON itself.
 *
 * @param conversation the conversation the replies answer; empty if the server sent none
 * @param replies the replies to rank, in the order the ranking's indexes refer to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RepliesToRank(
        @JsonProperty("conversation") Conversation conversation,
        @JsonProperty("replies") List<String> replies) {

    public RepliesToRank(@Nullable Conversation conversation, @Nullable List<String> replies) {
        this.conversation = Conversation.orEmpty(conversation);
        this.replies = Checks.listOrEmpty(replies, "replies");
    }
}
