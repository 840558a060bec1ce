package io.github.oasst.client.protocol;

import java.util.List;

/**
 * A task to rank the candidate replies to a conversation's last message: the server's {@code
 * rank_conversation_replies} and its two kinds, which carry the same {@link RepliesToRank} and
 * differ only in their type.
 */
public sealed interface RankRepliesTask extends RankingTask
        permits RankConversationRepliesTask, RankPrompterRepliesTask, RankAssistantRepliesTask {

    /** The conversation and the replies to rank. */
    RepliesToRank content();

    /** The conversation the replies answer. */
    default Conversation conversation() {
        return content().conversation();
    }

    /** The candidate replies. */
    default List<String> replies() {
        return content().replies();
    }

    @Override
    default List<String> itemsToRank() {
        return replies();
    }
}
