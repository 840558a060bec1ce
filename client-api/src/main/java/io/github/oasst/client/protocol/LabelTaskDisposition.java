package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.oasst.client.internal.Checks;

/**
 * Why a label task was handed out (servers from 2023-02 on); an open set. Values this class does not name are kept as they are.
 *
 * @param value the name on the wire
 */
public record LabelTaskDisposition(@JsonValue String value) {
    /** To judge the message's quality. */
    public static final LabelTaskDisposition QUALITY = new LabelTaskDisposition("quality");
    /** To check whether the message is spam. */
    public static final LabelTaskDisposition SPAM = new LabelTaskDisposition("spam");

    public LabelTaskDisposition {
        Checks.notBlank(value, "LabelTaskDisposition value");
    }

    @JsonCreator
    public static LabelTaskDisposition of(String value) {
        return switch (value) {
            case "quality" -> QUALITY;
            case "spam" -> SPAM;
            default -> new LabelTaskDisposition(value);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
