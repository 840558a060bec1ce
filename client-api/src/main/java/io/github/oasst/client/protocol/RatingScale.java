package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The inclusive range of a rating.
 *
 * <p>The server sends any two integers (its schema sets no relation between them), so a scale whose
 * {@code min} is above its {@code max} is kept as sent rather than failing the whole task's
 * decoding; it {@linkplain #contains(int) contains} no rating.
 *
 * @param min the lowest rating
 * @param max the highest rating
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RatingScale(
        @JsonProperty("min") int min, @JsonProperty("max") int max) {
    /** The server's default scale, 1 to 5. */
    public static final RatingScale DEFAULT = new RatingScale(1, 5);

    /** Whether the rating lies on this scale; never for a scale whose min is above its max. */
    public boolean contains(int rating) {
        return rating >= min && rating <= max;
    }
}
