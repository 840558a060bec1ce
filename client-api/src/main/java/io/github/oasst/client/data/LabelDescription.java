package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A label a frontend can show: its name, widget and texts. Servers from 2023-02 on.
 *
 * @param name the statistic's name
 * @param widget how a frontend shows it (flag, likert, yes/no)
 * @param displayText the text shown
 * @param helpText a help text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelDescription(
        @JsonProperty("name") String name,
        @JsonProperty("widget") String widget,
        @JsonProperty("display_text") String displayText,
        @JsonProperty("help_text") @Nullable String helpText) {
    public LabelDescription {
        Checks.notNull(name, "name");
        Checks.notNull(widget, "widget");
        Checks.notNull(displayText, "display text");
    }
}
