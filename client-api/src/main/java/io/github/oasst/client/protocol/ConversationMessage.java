package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One message of a conversation shown with a task.
 *
 * @param text the message text
 * @param isAssistant whether the assistant wrote it (otherwise the prompter did)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationMessage(
        @JsonProperty("text") String text,
        @JsonProperty("is_assistant") boolean isAssistant) {

    public ConversationMessage {
        Checks.notNull(text, "message text");
    }
}
