package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.oasst.client.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The user's text answering a {@link ReplyTask}.
 *
 * @param user the user who wrote it
 * @param messageId the frontend message id the task was acknowledged with; not blank
 * @param userMessageId the frontend's id of the user's message holding the text; not blank
 * @param text the reply; not blank (the server strips it and rejects it when empty)
 * @param lang the text's language; sent only when not null (servers from 2023-02 on)
 */
@JsonPropertyOrder({"type", "user", "message_id", "user_message_id", "text", "lang"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextReplyToMessage(
        @JsonProperty("user") User user,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("user_message_id") String userMessageId,
        @JsonProperty("text") String text,
        @JsonProperty("lang") @Nullable String lang)
        implements Interaction {
    public static final String TYPE = "text_reply_to_message";

    public TextReplyToMessage {
        Checks.notNull(user, "user");
        Checks.notBlank(messageId, "message id");
        Checks.notBlank(userMessageId, "user message id");
        Checks.notBlank(text, "reply text");
        if (lang != null) {
            Checks.notBlank(lang, "lang");
        }
    }

    /** A reply without a language. */
    public static TextReplyToMessage of(User user, String messageId, String userMessageId, String text) {
        return new TextReplyToMessage(user, messageId, userMessageId, text, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
