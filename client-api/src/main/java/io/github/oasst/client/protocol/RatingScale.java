package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The inclusive range of a rating.
 *
 * @param min the lowest rating
 * @param max the highest rating, not below {@code min}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RatingScale(
        @JsonProperty("min") int min, @JsonProperty("max") int max) {
    /** The server's default scale, 1 to 5. */
    public static final RatingScale DEFAULT = new RatingScale(1, 5);

    public RatingScale {
        if (min > max) {
            throw new IllegalArgumentException("rating scale min " + min + " is above max " + max);
        }
    }

    /** Whether the rating lies on this scale. */
    public boolean contains(int rating) {
        return rating >= min && rating <= max;
    }
}
