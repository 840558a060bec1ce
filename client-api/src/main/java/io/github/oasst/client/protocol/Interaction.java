package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A user's answer to an acknowledged task ({@code POST /api/v1/tasks/interaction}).
 *
 * <ul>
 *   <li>{@link TextReplyToMessage} answers a {@link ReplyTask};
 *   <li>{@link MessageRanking} answers a {@link RankingTask};
 *   <li>{@link TextLabels} answers a {@link LabelTask};
 *   <li>{@link MessageRating} answers a {@link RateSummaryTask}.
 * </ul>
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = TextReplyToMessage.class, name = TextReplyToMessage.TYPE),
    @JsonSubTypes.Type(value = MessageRating.class, name = MessageRating.TYPE),
    @JsonSubTypes.Type(value = MessageRanking.class, name = MessageRanking.TYPE),
    @JsonSubTypes.Type(value = TextLabels.class, name = TextLabels.TYPE)
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface Interaction permits TextReplyToMessage, MessageRating, MessageRanking, TextLabels {
    /** The interaction type's name on the wire, for example {@code "text_reply_to_message"}. */
    @JsonProperty("type")
    String type();

    /** The user who answered. */
    @JsonProperty("user")
    User user();
}
