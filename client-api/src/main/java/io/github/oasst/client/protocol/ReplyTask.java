package io.github.oasst.client.protocol;

/**
 * A task answered with a {@link TextReplyToMessage}: write the first prompt, or the next message of
 * a conversation.
 */
public sealed interface ReplyTask extends Task
        permits InitialPromptTask, ReplyToConversationTask, PrompterReplyTask, AssistantReplyTask {}
