package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to rate a summary, answered with a {@link MessageRating} (disabled on the 2023-01
 * server, which answers 1000).
 *
 * @param id the task id
 * @param fullText the text that was summarized
 * @param summary the summary to rate
 * @param scale the scale to rate on; {@link RatingScale#DEFAULT} when the server sent none
 */
public record RateSummaryTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("full_text") String fullText,
        @JsonProperty("summary") String summary,
        @JsonProperty("scale") RatingScale scale)
        implements Task {
    public static final String TYPE = "rate_summary";

    public RateSummaryTask(UUID id, String fullText, String summary, @Nullable RatingScale scale) {
        this.id = Checks.notNull(id, "task id");
        this.fullText = Checks.notNull(fullText, "full text");
        this.summary = Checks.notNull(summary, "summary");
        this.scale = scale == null ? RatingScale.DEFAULT : scale;
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
