package io.github.oasst.client.testkit;

/**
 * A failure of the connection between a frontend and the backend, as a proxy in front of a real
 * server produces them: before the request reaches the backend, or after the backend handled it.
 */
public enum ConnectionFault {
    /** The connection is reset before the request reaches the backend: nothing happened. */
    REFUSE,
    /** {@code 503 Service Unavailable} before the request reaches the backend: nothing happened. */
    SERVICE_UNAVAILABLE,
    /** The backend handles the request, then the connection is reset: the answer is lost. */
    DROP_ANSWER,
    /**
     * The backend handles the request, then its answer is cut: the status and headers arrive, the
     * body stops half way (a body-less answer, 204, arrives whole).
     */
    TRUNCATE_ANSWER,
    /** The backend handles the request, and its answer comes after {@link ConnectionFaults#delay()}. */
    DELAY_ANSWER
}
