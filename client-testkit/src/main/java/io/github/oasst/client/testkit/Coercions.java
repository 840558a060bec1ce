package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How pydantic v1, under FastAPI, reads a JSON or query value: null where it refuses it. */
final class Coercions {
    private static final Set<String> TRUE = Set.of("1", "on", "t", "true", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "off", "f", "false", "n", "no");

    private Coercions() {}

    /** A float as Python prints one ({@code 2.0}, {@code 1.5}). */
    static String pythonFloat(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e16 ? (long) value + ".0" : Double.toString(value);
    }

    static @Nullable String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.isNumber() ? value.asText() : null;
    }

    static @Nullable Boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.intValue() == 0 || value.intValue() == 1)) {
            return value.intValue() == 1;
        }
        if (value.isTextual()) {
            String text = value.textValue().toLowerCase(Locale.ROOT);
            if (TRUE.contains(text)) {
                return true;
            }
            if (FALSE.contains(text)) {
                return false;
            }
        }
        return null;
    }

    static @Nullable Integer integer(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static @Nullable Double number(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static @Nullable UUID uuid(@Nullable JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        return uuid(value.textValue());
    }

    /** A UUID as Python reads one: 32 hex digits, hyphens and braces optional. */
    static @Nullable UUID uuid(String text) {
        String hex = text.strip()
                .replace("urn:uuid:", "")
                .replace("{", "")
                .replace("}", "")
                .replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            return null;
        }
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    static List<Object> append(List<Object> loc, Object part) {
        List<Object> longer = new ArrayList<>(loc);
        longer.add(part);
        return longer;
    }
}
