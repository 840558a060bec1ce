package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user to rank initial prompts.
 *
 * @param id the task id
 * @param prompts the prompts to rank
 */
public record RankInitialPromptsTask(
        @JsonProperty("id") UUID id,
        @JsonProperty("prompts") List<String> prompts) implements RankingTask {
    public static final String TYPE = "rank_initial_prompts";

    public RankInitialPromptsTask(UUID id, @Nullable List<String> prompts) {
        this.id = Checks.notNull(id, "task id");
        this.prompts = Checks.listOrEmpty(prompts, "prompts");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> itemsToRank() {
        return prompts;
    }
}
