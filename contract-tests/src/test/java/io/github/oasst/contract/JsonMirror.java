package io.github.oasst.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whether a decoded value holds what the JSON it was decoded from says: every property the JSON
 * has, under the name of the record component's {@link JsonProperty} (or among the properties of a
 * {@link JsonUnwrapped} component), holds the same value in the record, down to lists, maps, enums
 * and scalars. So a record that drops a property (a misspelt name) or reads it wrong is found, not
 * only one that fails to decode. A property that the JSON lacks or has as {@code null} is not
 * looked at: its default is the record's business.
 */
final class JsonMirror {
    private JsonMirror() {}

    /** Where the value differs from the JSON, each as {@code $.path: what}; empty when it does not. */
    static List<String> mismatches(@Nullable Object value, JsonNode json) {
        List<String> found = new ArrayList<>();
        compare("$", value, json, found);
        return found;
    }

    private static void compare(String at, @Nullable Object value, JsonNode json, List<String> found) {
        if (json.isMissingNode() || json.isNull()) {
            return;
        }
        if (value instanceof Optional<?> optional) {
            compare(at, optional.orElse(null), json, found);
        } else if (value == null) {
            found.add(at + ": null, the JSON has " + excerpt(json));
        } else if (value instanceof List<?> list) {
            compareList(at, list, json, found);
        } else if (value instanceof Map<?, ?> map) {
            compareMap(at, map, json, found);
        } else if (value instanceof Record record) {
            compareRecord(at, record, json, found);
        } else if (value instanceof Enum<?> constant) {
            expect(at, json.isTextual() && json.asText().equals(wireName(constant)), constant, json, found);
        } else if (value instanceof Boolean bool) {
            expect(at, json.isBoolean() && json.asBoolean() == bool, value, json, found);
        } else if (value instanceof Number number) {
            expect(
                    at,
                    json.isNumber() && json.decimalValue().compareTo(new BigDecimal(number.toString())) == 0,
                    value,
                    json,
                    found);
        } else if (value instanceof UUID || value instanceof String) {
            expect(at, json.isTextual() && json.asText().equalsIgnoreCase(value.toString()), value, json, found);
        } else {
            found.add(at + ": cannot compare a " + value.getClass().getName() + " with " + excerpt(json));
        }
    }

    private static void compareList(String at, List<?> list, JsonNode json, List<String> found) {
        if (!json.isArray() || json.size() != list.size()) {
            found.add(at + ": a list of " + list.size() + ", the JSON has " + excerpt(json));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            compare(at + "[" + i + "]", list.get(i), json.get(i), found);
        }
    }

    private static void compareMap(String at, Map<?, ?> map, JsonNode json, List<String> found) {
        if (!json.isObject()) {
            found.add(at + ": a map, the JSON has " + excerpt(json));
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        Set<String> keys = new LinkedHashSet<>();
        map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        if (!keys.equals(names)) {
            found.add(at + ": keys " + keys + ", the JSON has " + names);
            return;
        }
        map.forEach((key, entry) -> compare(at + "." + key, entry, json.get(String.valueOf(key)), found));
    }

    private static void compareRecord(String at, Record record, JsonNode json, List<String> found) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (RecordComponent component : components) {
            if (component.getAccessor().isAnnotationPresent(JsonValue.class)) {
                compare(at, read(record, component.getAccessor()), json, found);
                return;
            }
        }
        if (!json.isObject()) {
            found.add(at + ": a " + record.getClass().getSimpleName() + ", the JSON has " + excerpt(json));
            return;
        }
        for (RecordComponent component : components) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                compare(at, read(record, component.getAccessor()), json, found); // its properties are the JSON's own
                continue;
            }
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property == null) {
                found.add(at + ": " + record.getClass().getSimpleName() + "." + component.getName()
                        + " has no @JsonProperty");
                continue;
            }
            compare(
                    at + "." + property.value(),
                    read(record, component.getAccessor()),
                    json.path(property.value()),
                    found);
        }
    }

    private static @Nullable Object read(Record record, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("could not read " + accessor, e);
        }
    }

    private static String wireName(Enum<?> constant) {
        try {
            JsonProperty property =
                    constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property != null ? property.value() : constant.toString();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(String at, boolean same, Object value, JsonNode json, List<String> found) {
        if (!same) {
            found.add(at + ": " + value + ", the JSON has " + excerpt(json));
        }
    }

    private static String excerpt(JsonNode json) {
        String text = json.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
