package io.github.oasst.client.data;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks of the records. */
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
}
