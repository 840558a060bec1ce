package io.github.oasst.client.internal.codec;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A JSON library's reader or writer for each type, made at the type's first use. */
final class PerType<T> {
    private final ConcurrentMap<Type, T> made = new ConcurrentHashMap<>();
    private final Function<Type, T> make;

    PerType(Function<Type, T> make) {
        this.make = make;
    }

    T get(Type type) {
        T value = made.get(type);
        return value != null ? value : made.computeIfAbsent(type, make);
    }

    /** Whether the failure or one of its causes is of the type. */
    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The first {@link IOException} among the failure's causes that is not the JSON library's own. */
    static @Nullable IOException streamFailure(Throwable failure, Class<? extends Throwable> library) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io && !library.isInstance(t)) {
                return io;
            }
        }
        return null;
    }
}
