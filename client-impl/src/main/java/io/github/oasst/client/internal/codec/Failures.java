package io.github.oasst.client.internal.codec;

import feign.FeignException;
import feign.Request;
import feign.codec.EncodeException;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.api.OasstTransportException.Kind;
import io.github.oasst.client.internal.http.CallFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;

/**
 * Turns what Feign and OkHttp throw into the client's exceptions, by type and by what the
 * transport knew of the request ({@link CallFailedException}), never by message text.
 */
public final class Failures {
    private Failures() {}

    /**
     * The client's exception for a failure of a Feign call: an {@link OasstException} as it is, or
     * unwrapped from Feign's {@code DecodeException} or a {@code CompletionException}; an I/O failure
     * Feign wrapped in a {@code RetryableException} or {@code FeignException} as an {@link
     * OasstTransportException}; a body the codec could not write (nothing was sent) as an {@link
     * IllegalArgumentException}. Anything else is returned unchanged.
     */
    public static Throwable translate(Throwable failure) {
        Throwable unwrapped = failure;
        while (unwrapped instanceof CompletionException && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        if (unwrapped instanceof OasstException) {
            return unwrapped;
        }
        if (unwrapped instanceof EncodeException encode) {
            return new IllegalArgumentException(
                    "the request body could not be encoded, nothing was sent: " + encode.getMessage(), encode);
        }
        if (unwrapped instanceof FeignException feign) {
            Throwable cause = feign.getCause();
            if (cause instanceof OasstException) {
                return cause;
            }
            if (cause instanceof IOException io) {
                Request request = feign.request();
                // FeignException.errorReading: the response had started, its body failed
                Kind kind = feign.status() > 0 ? Kind.RESPONSE_TRUNCATED : kind(io);
                return new OasstTransportException(kind, Http.method(request), Http.path(request), cause(io));
            }
        }
        return unwrapped;
    }

    /** What an I/O failure means for the request. */
    public static Kind kind(IOException e) {
        if (!(e instanceof CallFailedException call)) {
            return Kind.IO_ERROR; // not the transport's: the request may or may not have gone out
        }
        IOException failure = call.failure();
        if (call.interrupted()) {
            return Kind.INTERRUPTED;
        }
        if (call.canceled()
                && failure instanceof InterruptedIOException
                && !(failure instanceof SocketTimeoutException)) {
            // OkHttp's call timeout cancels the call (a caller's cancellation too, but then nobody waits)
            return call.sent() ? Kind.CALL_TIMEOUT : Kind.CONNECT_TIMEOUT;
        }
        if (!call.sent()) {
            if (failure instanceof SocketTimeoutException) {
                return Kind.CONNECT_TIMEOUT;
            }
            if (failure instanceof SSLException) {
                return brokenOff(failure) ? Kind.TLS_FAILED : Kind.TLS_REJECTED;
            }
            return Kind.CONNECT_FAILED;
        }
        return failure instanceof SocketTimeoutException ? Kind.READ_TIMEOUT : Kind.CONNECTION_LOST;
    }

    /**
     * Whether a TLS handshake failed because the connection broke off (a reset or an early end of
     * stream under it), which another attempt may get past; a refusal (no TLS on the port, a
     * certificate not trusted or not for the host, nothing in common) has no such cause.
     */
    private static boolean brokenOff(IOException tls) {
        for (Throwable cause = tls.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !(cause instanceof SSLException)) {
                return true;
            }
        }
        return false;
    }

    /** OkHttp's own exception rather than the transport's wrapper, as the cause users see. */
    private static IOException cause(IOException io) {
        return io instanceof CallFailedException call ? call.failure() : io;
    }
}
