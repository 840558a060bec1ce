package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;

/**
 * One label of Hugging Face's text-toxicity classifier, as the backend relays it (the schema leaves
 * the answer undescribed; the backend passes on Hugging Face's list of label scores).
 *
 * @param label the label, for example {@code toxic}
 * @param score its probability, 0 to 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToxicityScore(
        @JsonProperty("label") String label,
        @JsonProperty("score") double score) {
    public ToxicityScore {
        Checks.notNull(label, "label");
    }
}
