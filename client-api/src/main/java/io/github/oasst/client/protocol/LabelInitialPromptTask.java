package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to label an initial prompt.
 *
 * @param id the task id
 * @param messageId the backend's id of the prompt
 * @param prompt the prompt (deprecated by servers from 2023-02 on, which send {@code conversation})
 * @param validLabels the labels the user may set
 * @param mandatoryLabels the labels the user must set; empty if the server sent none
 * @param mode how much labelling is asked for; may be null
 * @param disposition why the task was handed out; may be null
 * @param conversation the conversation holding the prompt; may be null
 */
public record LabelInitialPromptTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("message_id") UUID messageId,

        @JsonProperty("prompt") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String prompt,

        @JsonProperty("valid_labels") List<String> validLabels,

        @JsonProperty("mandatory_labels") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<String> mandatoryLabels,

        @JsonProperty("mode") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        LabelTaskMode mode,

        @JsonProperty("disposition") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        LabelTaskDisposition disposition,

        @JsonProperty("conversation") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Conversation conversation)
        implements LabelTask {
    public static final String TYPE = "label_initial_prompt";

    public LabelInitialPromptTask(
            UUID id,
            UUID messageId,
            @Nullable String prompt,
            @Nullable List<String> validLabels,
            @Nullable List<String> mandatoryLabels,
            @Nullable LabelTaskMode mode,
            @Nullable LabelTaskDisposition disposition,
            @Nullable Conversation conversation) {
        this.id = Checks.notNull(id, "task id");
        this.messageId = Checks.notNull(messageId, "message id");
        this.prompt = prompt;
        this.validLabels = Checks.listOrEmpty(validLabels, "valid labels");
        this.mandatoryLabels = Checks.listOrEmpty(mandatoryLabels, "mandatory labels");
        this.mode = mode;
        this.disposition = disposition;
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
