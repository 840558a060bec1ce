package io.github.oasst.client.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks of the API's records: each failure names the value. */
public final class Checks {
    private Checks() {}

    /** The value; a {@link NullPointerException} saying "{@code name} must not be null" when null. */
    public static <T> T notNull(@Nullable T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** The text; an {@link IllegalArgumentException} when blank, a {@link NullPointerException} when null. */
    public static String notBlank(@Nullable String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** An unmodifiable copy of the list, empty for null; a null element fails, named by its index. */
    public static <T> List<T> listOrEmpty(@Nullable List<T> list, String name) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            notNull(list.get(i), name + "[" + i + "]");
        }
        return List.copyOf(list);
    }

    /** An unmodifiable copy of the map, empty for null. */
    public static <K, V> Map<K, V> mapOrEmpty(@Nullable Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
