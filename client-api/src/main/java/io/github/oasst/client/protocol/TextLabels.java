package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.oasst.client.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The user's labels answering a {@link LabelTask}.
 *
 * @param user the user who labelled
 * @param messageId the backend's id of the labelled message ({@link LabelTask#messageId()})
 * @param text the labelled text ({@link LabelTask#textToLabel()})
 * @param labels label wire names to values in [0, 1]; names are kept as given so that labels of
 *     newer servers can be sent (see {@link TextLabel} for those of the 2023-01 server)
 * @param taskId the task the labels answer, when sent outside the tasks API ({@code POST
 *     /api/v1/text_labels/}); null to leave it out (servers from 2023-02 on read it)
 * @param isReport whether the user reports the message (the labels then come from {@code
 *     report_labels}); null to leave it out (servers from 2023-02 on read it)
 */
@JsonPropertyOrder({"type", "user", "message_id", "text", "labels", "task_id", "is_report"})
public record TextLabels(
        @JsonProperty("user") User user,
        @JsonProperty("message_id") UUID messageId,
        @JsonProperty("text") String text,
        @JsonProperty("labels") Map<String, Double> labels,

        @JsonProperty("task_id") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        UUID taskId,

        @JsonProperty("is_report") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Boolean isReport)
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

    /** Labels without a task id or report flag, as every server reads them. */
    public TextLabels(User user, UUID messageId, String text, Map<String, Double> labels) {
        this(user, messageId, text, labels, null, null);
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
