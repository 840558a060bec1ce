package io.github.oasst.client;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A value made at its first use, once, whichever threads ask for it. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile @Nullable T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = make.get();
                    value = made;
                }
            }
        }
        return made;
    }
}
