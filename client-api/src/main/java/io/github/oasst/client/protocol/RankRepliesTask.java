package io.github.oasst.client.protocol;

import java.util.List;

/** A task to rank the candidate replies to a conversation's last message. */
public sealed interface RankRepliesTask extends RankingTask
        permits RankConversationRepliesTask, RankPrompterRepliesTask, RankAssistantRepliesTask {
    /** The conversation the replies answer. */
    Conversation conversation();

    /** The candidate replies. */
    List<String> replies();

    @Override
    default List<String> itemsToRank() {
        return replies();
    }
}
