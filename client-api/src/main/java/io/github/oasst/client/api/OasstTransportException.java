package io.github.oasst.client.api;

import org.jspecify.annotations.Nullable;

/**
 * The network failed: no connection, a timeout, a connection reset or closed, a truncated
 * response. {@link #kind()} says which, and so whether the request may have reached the server.
 */
public final class OasstTransportException extends OasstException {
    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Kind {
        /** No connection: refused, unreachable, or the host name did not resolve. Not sent. */
        CONNECT_FAILED(FailureClass.NOT_PROCESSED, "could not connect"),
        /** The connection was not established in time. Not sent. */
        CONNECT_TIMEOUT(FailureClass.NOT_PROCESSED, "connect timed out"),
        /** The TLS handshake failed. Not sent. */
        TLS_FAILED(FailureClass.NOT_PROCESSED, "TLS handshake failed"),
        /** No response arrived within the read timeout. */
        READ_TIMEOUT(FailureClass.AMBIGUOUS, "read timed out"),
        /** The whole call took longer than the call timeout. */
        CALL_TIMEOUT(FailureClass.AMBIGUOUS, "call timed out"),
        /** The connection was reset or closed before a response arrived, or the response was garbled. */
        CONNECTION_LOST(FailureClass.AMBIGUOUS, "connection lost"),
        /** The response started but its body ended early. */
        RESPONSE_TRUNCATED(FailureClass.AMBIGUOUS, "response truncated"),
        /** Another I/O failure after the request may have been sent. */
        IO_ERROR(FailureClass.AMBIGUOUS, "I/O error"),
        /**
         * The calling thread was interrupted; the request may have been sent. Never retried: the
         * interrupt asks the call to stop.
         */
        INTERRUPTED(FailureClass.AMBIGUOUS, "interrupted");

        private final FailureClass failureClass;
        private final String summary;

        Kind(FailureClass failureClass, String summary) {
            this.failureClass = failureClass;
            this.summary = summary;
        }

        /** What this kind tells about the request's effect on the server. */
        public FailureClass failureClass() {
            return failureClass;
        }

        /** A few words for messages, for example {@code "read timed out"}. */
        public String summary() {
            return summary;
        }
    }

    private final Kind kind;

    /**
     * @param kind what failed
     * @param method the request's HTTP method
     * @param path the request's path without the query
     * @param cause the I/O exception
     */
    public OasstTransportException(Kind kind, String method, String path, Throwable cause) {
        this(kind, null, method, path, cause);
    }

    /**
     * @param kind what failed
     * @param what what the client had received when it failed, for example {@code "a 400 answer"}
     * @param method the request's HTTP method
     * @param path the request's path without the query
     * @param cause the I/O exception
     */
    public OasstTransportException(Kind kind, @Nullable String what, String method, String path, Throwable cause) {
        super(describe(kind, what, cause), method, path, cause);
        this.kind = kind;
    }

    private static String describe(Kind kind, @Nullable String what, Throwable cause) {
        String detail = cause.getMessage();
        String reached = kind.failureClass == FailureClass.NOT_PROCESSED
                ? "request not sent"
                : "request may have reached the server";
        return kind.summary + " (" + reached + "): " + (what == null ? "" : what + ", ")
                + cause.getClass().getSimpleName() + (detail == null ? "" : ": " + detail);
    }

    /** What failed. */
    public Kind kind() {
        return kind;
    }

    @Override
    public FailureClass failureClass() {
        return kind.failureClass;
    }
}
