package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree manager's counts: trees by state, and the message counts of the trees. Servers from
 * 2023-02 on.
 *
 * @param stateCounts trees by state
 * @param messageCounts the message counts of the trees
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TreeManagerStats(
        @JsonProperty("state_counts") Map<String, Integer> stateCounts,
        @JsonProperty("message_counts") List<TreeMessageCountStats> messageCounts) {
    public TreeManagerStats {
        Checks.notNull(stateCounts, "state counts");
        stateCounts = stateCounts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stateCounts));
        Checks.notNull(messageCounts, "message counts");
        messageCounts = messageCounts == null ? List.of() : List.copyOf(messageCounts);
    }
}
