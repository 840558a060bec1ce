package io.github.oasst.client.internal.http;

import java.io.IOException;

/**
 * An OkHttp call's failure, with what the transport knows of it: whether the request had started
 * to go out on a connection (the network interceptor of {@link OkHttpClients#harden} saw it),
 * whether the call was cancelled (OkHttp's call timeout, or the caller), and whether the calling
 * thread was interrupted. The cause is OkHttp's exception.
 */
public final class CallFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean sent;
    private final boolean canceled;
    private final boolean interrupted;

    CallFailedException(IOException cause, boolean sent, boolean canceled, boolean interrupted) {
        super(cause.getMessage(), cause);
        this.sent = sent;
        this.canceled = canceled;
        this.interrupted = interrupted;
    }

    /** OkHttp's exception. */
    public IOException failure() {
        return (IOException) getCause();
    }

    /** Whether the request had started to go out; if not, the server cannot have seen it. */
    public boolean sent() {
        return sent;
    }

    /** Whether the call was cancelled: by OkHttp's call timeout, or by the caller. */
    public boolean canceled() {
        return canceled;
    }

    /** Whether the calling thread was interrupted. */
    public boolean interrupted() {
        return interrupted;
    }
}
