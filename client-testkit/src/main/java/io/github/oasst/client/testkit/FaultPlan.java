package io.github.oasst.client.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The injected faults of a fake backend not yet used, in the order they were injected. Thread-safe. */
final class FaultPlan {
    private final Deque<PlannedFault> faults = new ArrayDeque<>();

    /** Makes the next {@code times} requests to the path (any path when null) fail with the fault. */
    void plan(int times, @Nullable String path, InjectedFault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        synchronized (faults) {
            faults.add(new PlannedFault(path, fault, times));
        }
    }

    void clear() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** The injected fault for this request, if any; uses it up once. */
    @Nullable
    InjectedFault next(String path) {
        synchronized (faults) {
            for (Iterator<PlannedFault> it = faults.iterator(); it.hasNext(); ) {
                PlannedFault planned = it.next();
                if (planned.path == null || planned.path.equals(path)) {
                    if (--planned.remaining == 0) {
                        it.remove();
                    }
                    return planned.fault;
                }
            }
            return null;
        }
    }

    private static final class PlannedFault {
        final @Nullable String path;
        final InjectedFault fault;
        int remaining;

        PlannedFault(@Nullable String path, InjectedFault fault, int remaining) {
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
