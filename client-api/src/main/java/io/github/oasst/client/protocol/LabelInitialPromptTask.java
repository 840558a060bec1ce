package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to label an initial prompt.
 *
 * @param id the task id
 * @param messageId the backend's id of the prompt
 * @param prompt the prompt (deprecated by servers from 2023-02 on, which send {@code conversation})
 * @param labelling the labels asked for, and how
 * @param conversation the conversation holding the prompt; may be null
 */
public record LabelInitialPromptTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("message_id") UUID messageId,

        @JsonProperty("prompt") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String prompt,

        @JsonUnwrapped Labelling labelling,

        @JsonProperty("conversation") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Conversation conversation)
        implements LabelTask {
    public static final String TYPE = "label_initial_prompt";

    public LabelInitialPromptTask(
            UUID id,
            UUID messageId,
            @Nullable String prompt,
            @Nullable Labelling labelling,
            @Nullable Conversation conversation) {
        this.id = Checks.notNull(id, "task id");
        this.messageId = Checks.notNull(messageId, "message id");
        this.prompt = prompt;
        this.labelling = labelling == null ? Labelling.NONE : labelling;
        this.conversation = conversation;
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    @Override
    public String textToLabel() {
        return LabelTask.textOf(prompt, conversation);
    }
}
