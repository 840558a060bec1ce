package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link LabelTask} asks of the user: the labels they may set and those they must, how much
 * labelling and why. Its fields stand in the task's JSON itself.
 *
 * @param validLabels the labels the user may set, by wire name (see {@link TextLabel})
 * @param mandatoryLabels the labels the user must set (servers from 2023-02 on); empty otherwise
 * @param mode how much labelling is asked for (servers from 2023-02 on); null otherwise
 * @param disposition why the task was handed out (servers from 2023-02 on); null otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Labelling(
        @JsonProperty("valid_labels") List<String> validLabels,

        @JsonProperty("mandatory_labels") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<String> mandatoryLabels,

        @JsonProperty("mode") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        LabelTaskMode mode,

        @JsonProperty("disposition") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        LabelTaskDisposition disposition) {

    /** Nothing asked: no labels, no mode, no disposition. */
    public static final Labelling NONE = new Labelling(null, null, null, null);

    public Labelling(
            @Nullable List<String> validLabels,
            @Nullable List<String> mandatoryLabels,
            @Nullable LabelTaskMode mode,
            @Nullable LabelTaskDisposition disposition) {
        this.validLabels = Checks.listOrEmpty(validLabels, "valid labels");
        this.mandatoryLabels = Checks.listOrEmpty(mandatoryLabels, "mandatory labels");
        this.mode = mode;
        this.disposition = disposition;
    }

    /** The valid labels, nothing else asked. */
    public static Labelling of(List<String> validLabels) {
        return new Labelling(Checks.notNull(validLabels, "valid labels"), null, null, null);
    }
}
