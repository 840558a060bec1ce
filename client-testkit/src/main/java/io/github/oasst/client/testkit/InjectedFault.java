package io.github.oasst.client.testkit;

import io.github.oasst.client.internal.HttpStatusText;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure the fake backend answers with instead of (or after) handling a request; injected with
 * {@link FakeOasstBackend#injectFault(int, InjectedFault)}.
 */
public final class InjectedFault {
    enum Kind {
        STATUS,
        DELAY,
        CONNECTION_RESET,
        EMPTY_RESPONSE,
        RESET_AFTER_PROCESSING
    }

    final Kind kind;
    final int status;
    final String body;
    final Duration delay;

    private InjectedFault(Kind kind, int status, String body, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.delay = delay;
    }

    /** Answers the status with a FastAPI-style body ({@code {"detail": "Service Unavailable"}}), unprocessed. */
    public static InjectedFault status(int status) {
        return status(status, "{\"detail\":\"" + HttpStatusText.of(status) + "\"}");
    }

    /** Answers the status with this JSON body, unprocessed. */
    public static InjectedFault status(int status, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new InjectedFault(Kind.STATUS, status, Objects.requireNonNull(body, "body"), Duration.ZERO);
    }

    /**
     * Answers 429 as OASST's rate limiter does: no {@code Retry-After} header, the wait in the
     * message ({@code Too Many Requests. Retry After N seconds.}), unprocessed.
     */
    public static InjectedFault rateLimited(int retryAfterSeconds) {
        return status(
                429,
                "{\"error_code\":429,\"message\":\"Too Many Requests. Retry After " + retryAfterSeconds
                        + " seconds.\"}");
    }

    /** Handles the request normally, but answers only after the delay (to pass a client's read timeout). */
    public static InjectedFault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new InjectedFault(Kind.DELAY, 0, "", delay);
    }

    /** Resets the connection without handling the request. */
    public static InjectedFault connectionReset() {
        return new InjectedFault(Kind.CONNECTION_RESET, 0, "", Duration.ZERO);
    }

    /** Closes the connection without an answer, without handling the request. */
    public static InjectedFault emptyResponse() {
        return new InjectedFault(Kind.EMPTY_RESPONSE, 0, "", Duration.ZERO);
    }

    /**
     * Handles the request (its effect takes place) and then resets the connection instead of
     * answering: the ambiguous failure that retries must reconcile.
     */
    public static InjectedFault resetAfterProcessing() {
        return new InjectedFault(Kind.RESET_AFTER_PROCESSING, 0, "", Duration.ZERO);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "status " + status;
            case DELAY -> "delay " + delay;
            case CONNECTION_RESET -> "connection reset";
            case EMPTY_RESPONSE -> "empty response";
            case RESET_AFTER_PROCESSING -> "reset after processing";
        };
    }
}
