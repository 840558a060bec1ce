package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The user's labels answering a {@link LabelTask}.
 *
 * @param user the user who labelled
 * @param messageId the backend's id of the labelled message ({@link LabelTask#messageId()})
 * @param text the labelled text ({@link LabelTask#textToLabel()})
 * @param labels label wire names to values in [0, 1]; names are kept as given so that labels of
 *     newer servers can be sent (see {@link TextLabel} for those of the 2023-01 server)
 */
@JsonPropertyOrder({"type", "user", "message_id", "text", "labels"})
public record TextLabels(
        @JsonProperty("user") User user,
        @JsonProperty("message_id") UUID messageId,
        @JsonProperty("text") String text,
        @JsonProperty("labels") Map<String, Double> labels)
        implements Interaction {
    public static final String TYPE = "text_labels";

    public TextLabels {
        Checks.notNull(user, "user");
        Checks.notNull(messageId, "message id");
        Checks.notNull(text, "text");
        Checks.notNull(labels, "labels");
        Map<String, Double> copy = new LinkedHashMap<>();
        labels.forEach((name, value) -> {
            Checks.notBlank(name, "label name");
            Checks.notNull(value, "value of label " + name);
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("value of label " + name + " must be in [0, 1], got " + value);
            }
            copy.put(name, value);
        });
        labels = Collections.unmodifiableMap(copy);
    }

    /** Labels from the 2023-01 server's {@link TextLabel} set. */
    public static TextLabels of(User user, UUID messageId, String text, Map<TextLabel, Double> labels) {
        Checks.notNull(labels, "labels");
        Map<String, Double> byName = new LinkedHashMap<>();
        labels.forEach(
                (label, value) -> byName.put(Checks.notNull(label, "label").wireName(), value));
        return new TextLabels(user, messageId, text, byName);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
