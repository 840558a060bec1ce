package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;

/**
 * The message count of one message tree. Servers from 2023-02 on.
 *
 * @param messageTreeId the id of its tree (its root's id)
 * @param state the state, for example growing
 * @param depth the tree's depth
 * @param oldest when its oldest message was made
 * @param youngest when its youngest message was made
 * @param count its messages
 * @param goalTreeSize the messages the tree should reach
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TreeMessageCountStats(
        @JsonProperty("message_tree_id") UUID messageTreeId,
        @JsonProperty("state") String state,
        @JsonProperty("depth") int depth,
        @JsonProperty("oldest") Timestamp oldest,
        @JsonProperty("youngest") Timestamp youngest,
        @JsonProperty("count") int count,
        @JsonProperty("goal_tree_size") int goalTreeSize) {
    public TreeMessageCountStats {
        Checks.notNull(messageTreeId, "message tree id");
        Checks.notNull(state, "state");
        Checks.notNull(oldest, "oldest");
        Checks.notNull(youngest, "youngest");
    }
}
