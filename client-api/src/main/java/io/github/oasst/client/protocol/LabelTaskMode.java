package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.oasst.client.internal.Checks;

/**
 * How much labelling a label task asks for (servers from 2023-02 on); an open set. Values this class does not name are kept as they are.
 *
 * @param value the name on the wire
 */
public record LabelTaskMode(@JsonValue String value) {
    /** Only the mandatory labels. */
    public static final LabelTaskMode SIMPLE = new LabelTaskMode("simple");
    /** Every valid label. */
    public static final LabelTaskMode FULL = new LabelTaskMode("full");

    public LabelTaskMode {
        Checks.notBlank(value, "LabelTaskMode value");
    }

    @JsonCreator
    public static LabelTaskMode of(String value) {
        return switch (value) {
            case "simple" -> SIMPLE;
            case "full" -> FULL;
            default -> new LabelTaskMode(value);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
