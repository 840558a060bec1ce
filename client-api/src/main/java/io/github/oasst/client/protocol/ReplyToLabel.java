package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the three tasks that label a reply carry ({@link LabelReplyTask}): the reply, in its
 * conversation, and what labelling is asked. Its fields stand in the task's JSON itself.
 *
 * @param messageId the backend's id of the reply
 * @param reply the reply (deprecated by servers from 2023-02 on, the conversation ends with it)
 * @param labelling the labels asked for, and how
 * @param conversation the conversation up to the reply; empty if the server sent none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplyToLabel(
        @JsonProperty("message_id") UUID messageId,

        @JsonProperty("reply") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String reply,

        @JsonUnwrapped Labelling labelling,
        @JsonProperty("conversation") Conversation conversation) {

    public ReplyToLabel(
            UUID messageId,
            @Nullable String reply,
            @Nullable Labelling labelling,
            @Nullable Conversation conversation) {
        this.messageId = Checks.notNull(messageId, "message id");
        this.reply = reply;
        this.labelling = labelling == null ? Labelling.NONE : labelling;
        this.conversation = Conversation.orEmpty(conversation);
    }
}
