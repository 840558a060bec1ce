package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Message counts of the whole backend.
 *
 * @param all all messages
 * @param active messages not deleted
 * @param activeByLang messages not deleted, by language
 * @param deleted whether it is marked deleted
 * @param messageTrees message trees
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SystemStats(
        @JsonProperty("all") int all,
        @JsonProperty("active") int active,
        @JsonProperty("active_by_lang") Map<String, Integer> activeByLang,
        @JsonProperty("deleted") int deleted,
        @JsonProperty("message_trees") int messageTrees) {
    public SystemStats {
        activeByLang = activeByLang == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(activeByLang));
    }
}
