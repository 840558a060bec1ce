package io.github.oasst.client;

import feign.RequestLine;
import java.util.concurrent.CompletableFuture;

/**
 * What tells the two published backends apart: {@code /api/v1/tasks/availability} exists from
 * 2023-02 on (its {@code GET} answers 405, the route taking {@code POST} only) and not on the 2023-01
 * backend (404). Nothing is created or changed. Internal: sent through the client's Feign path like
 * its other calls.
 */
interface ServerVersionProbe {
    @RequestLine("GET /api/v1/tasks/availability")
    void availabilityRoute();

    /** The same, asynchronous. */
    interface Async {
        @RequestLine("GET /api/v1/tasks/availability")
        CompletableFuture<Void> availabilityRoute();
    }
}
