package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;

/**
 * Asks the user to summarize a story (disabled on the 2023-01 server, which answers 1000).
 *
 * @param id the task id
 * @param story the story to summarize
 */
public record SummarizeStoryTask(
        @JsonProperty("id") UUID id, @JsonProperty("story") String story) implements Task {
    public static final String TYPE = "summarize_story";

    public SummarizeStoryTask {
        Checks.notNull(id, "task id");
        Checks.notNull(story, "story");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
