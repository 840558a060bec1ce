package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The state of a message tree ({@code growing}, {@code ranking}, {@code halted_by_moderator}, …).
 * Servers from 2023-02 on.
 *
 * @param messageTreeId the id of its tree (its root's id)
 * @param state the state, for example growing
 * @param goalTreeSize the messages the tree should reach
 * @param maxDepth the deepest the tree may grow
 * @param maxChildrenCount the most replies to one message
 * @param active messages not deleted
 * @param origin what made the tree
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageTreeState(
        @JsonProperty("message_tree_id") UUID messageTreeId,
        @JsonProperty("state") String state,
        @JsonProperty("goal_tree_size") int goalTreeSize,
        @JsonProperty("max_depth") int maxDepth,
        @JsonProperty("max_children_count") int maxChildrenCount,
        @JsonProperty("active") boolean active,
        @JsonProperty("origin") @Nullable String origin) {
    public MessageTreeState {
        Checks.notNull(messageTreeId, "message tree id");
        Checks.notNull(state, "state");
    }
}
