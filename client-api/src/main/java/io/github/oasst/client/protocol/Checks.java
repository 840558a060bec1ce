package io.github.oasst.client.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the protocol records. */
final class Checks {
    private Checks() {}

    static <T> T notNull(@Nullable T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    static String notBlank(@Nullable String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static <T> List<T> listOrEmpty(@Nullable List<T> list, String name) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            notNull(list.get(i), name + "[" + i + "]");
        }
        return List.copyOf(list);
    }

    static <K, V> Map<K, V> mapOrEmpty(@Nullable Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
