package io.github.oasst.client.protocol;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task answered with {@link TextLabels}: label the message {@link #messageId()} with values in
 * [0, 1] for some of the {@link #validLabels()}.
 */
public sealed interface LabelTask extends Task permits LabelInitialPromptTask, LabelReplyTask {

    /** The backend's id of the message to label; the {@link TextLabels} answer names it. */
    UUID messageId();

    /**
     * The text to label: the prompt or reply the server sent, or else (newer servers deprecate those
     * fields) the conversation's last message; empty when the server sent neither.
     */
    String textToLabel();

    /** What the task asks: the valid and mandatory labels, the mode, the disposition. */
    Labelling labelling();

    /** The labels the user may set, by wire name (see {@link TextLabel}). */
    default List<String> validLabels() {
        return labelling().validLabels();
    }

    /** The labels the user must set (servers from 2023-02 on); empty otherwise. */
    default List<String> mandatoryLabels() {
        return labelling().mandatoryLabels();
    }

    /** How much labelling is asked for (servers from 2023-02 on); null otherwise. */
    default @Nullable LabelTaskMode mode() {
        return labelling().mode();
    }

    /** Why the task was handed out (servers from 2023-02 on); null otherwise. */
    default @Nullable LabelTaskDisposition disposition() {
        return labelling().disposition();
    }

    /** The conversation that leads to the message; null when the server sent none. */
    @Nullable
    Conversation conversation();

    /** The first non-null text, else the conversation's last message, else empty. */
    static String textOf(@Nullable String text, @Nullable Conversation conversation) {
        if (text != null) {
            return text;
        }
        ConversationMessage last = conversation == null ? null : conversation.lastMessage();
        return last == null ? "" : last.text();
    }
}
