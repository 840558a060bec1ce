package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;

/**
 * Asks the user to rank assistant replies to the prompter's last message.
 *
 * @param id the task id
 * @param content the conversation and the replies to rank
 */
public record RankAssistantRepliesTask(
        @JsonProperty("id") UUID id, @JsonUnwrapped RepliesToRank content) implements RankRepliesTask {
    public static final String TYPE = "rank_assistant_replies";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public RankAssistantRepliesTask {
        Checks.notNull(id, "task id");
        Checks.notNull(content, "content");
    }
}
