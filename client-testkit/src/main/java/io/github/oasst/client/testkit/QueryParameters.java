package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request's query parameters, read as FastAPI reads them (the last value of a name wins), with
 * pydantic's 422 entries for the values it cannot read. Each reader records its error and returns
 * the default, so that all errors of a request are reported together.
 */
final class QueryParameters {
    private final Map<String, String> values = new HashMap<>();
    private final List<ObjectNode> errors = new ArrayList<>();

    QueryParameters(@Nullable String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(decode(name), decode(value));
        }
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The 422 entries so far. */
    List<ObjectNode> errors() {
        return errors;
    }

    void addError(ObjectNode error) {
        errors.add(error);
    }

    @Nullable
    String text(String name) {
        return values.get(name);
    }

    /** A required string; a missing one is an error. */
    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            errors.add(Responses.missing(List.of("query", name)));
            return "";
        }
        return value;
    }

    /** An integer in {@code 1..max}. */
    int count(String name, int fallback, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        Integer number = Coercions.integer(TextNode.valueOf(value));
        if (number == null) {
            errors.add(Responses.error(List.of("query", name), "value is not a valid integer", "type_error.integer"));
            return fallback;
        }
        if (number <= 0) {
            errors.add(Responses.limit(
                    List.of("query", name), "ensure this value is greater than 0", "value_error.number.not_gt", 0));
        } else if (number > max) {
            errors.add(Responses.limit(
                    List.of("query", name),
                    "ensure this value is less than or equal to " + max,
                    "value_error.number.not_le",
                    max));
        }
        return number;
    }

    boolean bool(String name, boolean fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        Boolean parsed = Coercions.bool(TextNode.valueOf(value));
        if (parsed == null) {
            errors.add(Responses.error(
                    List.of("query", name), "value could not be parsed to a boolean", "type_error.bool"));
            return fallback;
        }
        return parsed;
    }

    /** A required boolean; a missing one is an error. */
    boolean requiredBool(String name) {
        if (values.get(name) == null) {
            errors.add(Responses.missing(List.of("query", name)));
            return false;
        }
        return bool(name, false);
    }

    /** A string of at most {@code max} characters. */
    @Nullable
    String text(String name, int max) {
        String value = values.get(name);
        if (value != null && value.length() > max) {
            errors.add(Responses.limit(
                    List.of("query", name),
                    "ensure this value has at most " + max + " characters",
                    "value_error.any_str.max_length",
                    max));
        }
        return value;
    }

    /** A date and time, in UTC without an offset as the backend stores them. */
    @Nullable
    LocalDateTime dateTime(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
        } catch (DateTimeParseException offsetless) {
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(Responses.error(List.of("query", name), "invalid datetime format", "value_error.datetime"));
                return null;
            }
        }
    }

    @Nullable
    UUID uuid(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        UUID id = Coercions.uuid(value);
        if (id == null) {
            errors.add(Responses.error(List.of("query", name), "value is not a valid uuid", "type_error.uuid"));
        }
        return id;
    }

    /** A UUID from the path. */
    @Nullable
    UUID pathUuid(String name, String value) {
        UUID id = Coercions.uuid(value);
        if (id == null) {
            errors.add(Responses.error(List.of("path", name), "value is not a valid uuid", "type_error.uuid"));
        }
        return id;
    }
}
