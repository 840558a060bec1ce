package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message of a conversation tree, as the backend keeps it. The 2023-01 backend sends only the text,
 * the role, the id, the parent id and the creation date; newer ones more.
 *
 * @param id its id
 * @param userId the backend's id of the user
 * @param frontendMessageId the id the frontend gave the message
 * @param text the text
 * @param lang the language code
 * @param isAssistant whether the assistant wrote it (otherwise the prompter did)
 * @param emojis emoji counts by emoji
 * @param userEmojis the emojis the asking user put on it
 * @param userIsAuthor whether the asking user wrote it
 * @param synthetic whether a model wrote it
 * @param parentId the message it answers; null for a tree's root
 * @param createdDate when it was made
 * @param reviewResult whether its review accepted it
 * @param reviewCount how many reviews it had
 * @param deleted whether it is marked deleted
 * @param modelName the model that wrote it, if one did
 * @param messageTreeId the id of its tree (its root's id)
 * @param rankingCount how often it was ranked
 * @param rank its place
 * @param user its author, when asked for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(
        @JsonProperty("id") @Nullable UUID id,
        @JsonProperty("user_id") @Nullable UUID userId,
        @JsonProperty("frontend_message_id") @Nullable String frontendMessageId,
        @JsonProperty("text") String text,
        @JsonProperty("lang") @Nullable String lang,
        @JsonProperty("is_assistant") boolean isAssistant,
        @JsonProperty("emojis") Map<String, Integer> emojis,
        @JsonProperty("user_emojis") List<String> userEmojis,
        @JsonProperty("user_is_author") @Nullable Boolean userIsAuthor,
        @JsonProperty("synthetic") @Nullable Boolean synthetic,
        @JsonProperty("parent_id") @Nullable UUID parentId,
        @JsonProperty("created_date") @Nullable Timestamp createdDate,
        @JsonProperty("review_result") @Nullable Boolean reviewResult,
        @JsonProperty("review_count") @Nullable Integer reviewCount,
        @JsonProperty("deleted") @Nullable Boolean deleted,
        @JsonProperty("model_name") @Nullable String modelName,
        @JsonProperty("message_tree_id") @Nullable UUID messageTreeId,
        @JsonProperty("ranking_count") @Nullable Integer rankingCount,
        @JsonProperty("rank") @Nullable Integer rank,
        @JsonProperty("user") @Nullable FrontEndUser user) {
    public Message {
        Checks.notNull(text, "text");
        emojis = emojis == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(emojis));
        userEmojis = userEmojis == null ? List.of() : List.copyOf(userEmojis);
    }
}
