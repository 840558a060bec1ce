package io.github.oasst.client.internal.codec;

import feign.FeignException;
import feign.Request;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.api.OasstTransportException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns what Feign and OkHttp throw into the client's exceptions. */
public final class Failures {
    private Failures() {}

    /**
     * The client's exception for a failure of a Feign call: an {@link OasstException} as it is, or
     * unwrapped from Feign's {@code DecodeException}; an I/O failure Feign wrapped as a
     * {@code RetryableException} or {@code FeignException} as an {@link OasstTransportException}.
     * Anything else is returned unchanged.
     */
    public static Throwable translate(Throwable failure) {
        if (failure instanceof OasstException) {
            return failure;
        }
        if (failure instanceof FeignException feign) {
            Throwable cause = feign.getCause();
            if (cause instanceof OasstException) {
                return cause;
            }
            if (cause instanceof IOException io) {
                Request request = feign.request();
                // FeignException.errorReading: the response started, its body failed
                Kind kind = feign.status() > 0 ? Kind.RESPONSE_TRUNCATED : kind(io);
                return new OasstTransportException(kind, Http.method(request), Http.path(request), io);
            }
        }
        return failure;
    }

    /** What an I/O failure of OkHttp means for the request. */
    public static Kind kind(IOException e) {
        if (e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException
                || e instanceof PortUnreachableException) {
            return Kind.CONNECT_FAILED;
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return Kind.TLS_FAILED;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException) {
            return message.contains("connect") ? Kind.CONNECT_TIMEOUT : Kind.READ_TIMEOUT;
        }
        if (e instanceof InterruptedIOException) {
            // OkHttp's call timeout, or the calling thread was interrupted
            return message.equals("timeout") ? Kind.CALL_TIMEOUT : Kind.IO_ERROR;
        }
        if (e instanceof EOFException || e instanceof ProtocolException || e instanceof SocketException) {
            return Kind.CONNECTION_LOST;
        }
        if (message.contains("unexpected end of stream") || message.contains("connection reset")) {
            return Kind.CONNECTION_LOST;
        }
        return Kind.IO_ERROR;
    }
}
