package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation: shown with a task, or of a message's conversation. The 2023-01
 * backend sends only the text and the role; newer ones the rest, null (or empty) when absent.
 *
 * @param text the message text
 * @param isAssistant whether the assistant wrote it (otherwise the prompter did)
 * @param id its id
 * @param userId the backend's id of its author
 * @param frontendMessageId the id the frontend gave it
 * @param lang its language code
 * @param emojis emoji counts by emoji
 * @param userEmojis the emojis the asking user put on it
 * @param userIsAuthor whether the asking user wrote it
 * @param synthetic whether a model wrote it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConversationMessage(
        @JsonProperty("text") String text,
        @JsonProperty("is_assistant") boolean isAssistant,
        @JsonProperty("id") @Nullable UUID id,
        @JsonProperty("user_id") @Nullable UUID userId,
        @JsonProperty("frontend_message_id") @Nullable String frontendMessageId,
        @JsonProperty("lang") @Nullable String lang,
        @JsonProperty("emojis") Map<String, Integer> emojis,
        @JsonProperty("user_emojis") List<String> userEmojis,
        @JsonProperty("user_is_author") @Nullable Boolean userIsAuthor,
        @JsonProperty("synthetic") @Nullable Boolean synthetic) {

    public ConversationMessage {
        Checks.notNull(text, "message text");
        emojis = emojis == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(emojis));
        userEmojis = userEmojis == null ? List.of() : List.copyOf(userEmojis);
    }

    /** A message with only its text and role, as the 2023-01 backend sends them. */
    public ConversationMessage(String text, boolean isAssistant) {
        this(text, isAssistant, null, null, null, null, Map.of(), List.of(), null, null);
    }
}
