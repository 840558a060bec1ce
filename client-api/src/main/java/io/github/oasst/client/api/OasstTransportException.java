package io.github.oasst.client.api;

import org.jspecify.annotations.Nullable;

/**
 * The network failed: no connection, a timeout, a connection reset or closed, a truncated
 * response; or the client's circuit breaker kept the request from going out. {@link #kind()} says
 * which, and so whether the request may have reached the server.
 */
public final class OasstTransportException extends OasstException {
    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Kind {
        /** No connection: refused, unreachable, or the host name did not resolve. Not sent. */
        CONNECT_FAILED(FailureClass.NOT_PROCESSED, false, "could not connect"),
        /** The connection was not established in time. Not sent. */
        CONNECT_TIMEOUT(FailureClass.NOT_PROCESSED, false, "connect timed out"),
        /** The TLS handshake broke off (the connection was reset or closed during it). Not sent. */
        TLS_FAILED(FailureClass.NOT_PROCESSED, false, "TLS handshake failed"),
        /**
         * The TLS handshake was refused, and asking again cannot help: the server does not speak TLS
         * on that port ({@code https} to a plain-HTTP port), its certificate is not trusted or not
         * for its host name, no protocol or cipher suite is shared. Not sent, never retried: the
         * configuration needs a fix.
         */
        TLS_REJECTED(FailureClass.DEFINITE, false, "TLS handshake refused"),
        /**
         * The client's circuit breaker is open: the backend failed too often of late, and the request
         * was not sent. Not retried: the breaker stays open for a while; its failure is the cause.
         */
        CIRCUIT_OPEN(FailureClass.DEFINITE, false, "circuit breaker open"),
        /** No response arrived within the read timeout. */
        READ_TIMEOUT(FailureClass.AMBIGUOUS, true, "read timed out"),
        /** The whole call took longer than the call timeout. */
        CALL_TIMEOUT(FailureClass.AMBIGUOUS, true, "call timed out"),
        /** The connection was reset or closed before a response arrived, or the response was garbled. */
        CONNECTION_LOST(FailureClass.AMBIGUOUS, true, "connection lost"),
        /** The response started but its body ended early. */
        RESPONSE_TRUNCATED(FailureClass.AMBIGUOUS, true, "response truncated"),
        /** Another I/O failure after the request may have been sent. */
        IO_ERROR(FailureClass.AMBIGUOUS, true, "I/O error"),
        /**
         * The calling thread was interrupted; the request may have been sent. Never retried: the
         * interrupt asks the call to stop.
         */
        INTERRUPTED(FailureClass.AMBIGUOUS, true, "interrupted");

        private final FailureClass failureClass;
        private final boolean mayHaveBeenSent;
        private final String summary;

        Kind(FailureClass failureClass, boolean mayHaveBeenSent, String summary) {
            this.failureClass = failureClass;
            this.mayHaveBeenSent = mayHaveBeenSent;
            this.summary = summary;
        }

        /** What this kind tells about the request's effect on the server. */
        public FailureClass failureClass() {
            return failureClass;
        }

        /** Whether the request may have gone out to the server; if not, the server never saw it. */
        public boolean mayHaveBeenSent() {
            return mayHaveBeenSent;
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
        String reached = kind.mayHaveBeenSent ? "request may have reached the server" : "request not sent";
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

    @Override
    public boolean mayHaveReachedServer() {
        return kind.mayHaveBeenSent;
    }
}
