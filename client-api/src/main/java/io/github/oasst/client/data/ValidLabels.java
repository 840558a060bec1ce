package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The labels a frontend may offer: for a message, or for reporting one. Servers from 2023-02 on
 * (the schema leaves the answer undescribed; this is the backend's {@code ValidLabelsResponse}).
 *
 * @param validLabels the labels
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidLabels(@JsonProperty("valid_labels") List<LabelDescription> validLabels) {
    public ValidLabels {
        validLabels = validLabels == null ? List.of() : List.copyOf(validLabels);
    }
}
