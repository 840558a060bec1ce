package io.github.oasst.client.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of a cursor operation: its items, and the cursors of the pages before and after it, null
 * at an end.
 */
public interface Page<T> {
    List<T> items();

    @Nullable
    String prev();

    @Nullable
    String next();
}
