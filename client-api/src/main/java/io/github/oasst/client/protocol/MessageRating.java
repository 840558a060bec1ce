package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.oasst.client.internal.Checks;

/**
 * The user's rating answering a {@link RateSummaryTask}.
 *
 * @param user the user who rated
 * @param messageId the frontend message id the task was acknowledged with; not blank
 * @param rating the rating, above 0 (see {@link RateSummaryTask#scale()})
 */
@JsonPropertyOrder({"type", "user", "message_id", "rating"})
public record MessageRating(
        @JsonProperty("user") User user,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("rating") int rating)
        implements Interaction {
    public static final String TYPE = "message_rating";

    public MessageRating {
        Checks.notNull(user, "user");
        Checks.notBlank(messageId, "message id");
        if (rating <= 0) {
            throw new IllegalArgumentException("rating must be above 0, got " + rating);
        }
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
