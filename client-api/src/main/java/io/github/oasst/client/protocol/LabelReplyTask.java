package io.github.oasst.client.protocol;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task to label a reply in a conversation: the server's {@code label_conversation_reply} and its
 * two kinds, which carry the same {@link ReplyToLabel} and differ only in their type.
 */
public sealed interface LabelReplyTask extends LabelTask
        permits LabelConversationReplyTask, LabelPrompterReplyTask, LabelAssistantReplyTask {

    /** The reply to label, in its conversation, and what labelling is asked. */
    ReplyToLabel content();

    @Override
    default UUID messageId() {
        return content().messageId();
    }

    /** The reply (deprecated by servers from 2023-02 on, the conversation ends with it); may be null. */
    default @Nullable String reply() {
        return content().reply();
    }

    @Override
    default Labelling labelling() {
        return content().labelling();
    }

    /** The conversation up to the reply; empty if the server sent none. */
    @Override
    default Conversation conversation() {
        return content().conversation();
    }

    @Override
    default String textToLabel() {
        return LabelTask.textOf(reply(), conversation());
    }
}
