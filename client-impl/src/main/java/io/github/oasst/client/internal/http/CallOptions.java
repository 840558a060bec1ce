package io.github.oasst.client.internal.http;

import feign.Request;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * One call's own data, carried to the transport with each of its requests as Feign's per-call
 * {@link Request.Options} (an {@code Options} argument of a method is what Feign hands its client):
 * the headers its observers add (a trace context), and the OkHttp exchange in flight, so that
 * cancelling or closing the call cancels it on the wire. Its timeouts are those of the options it
 * was made from. No thread-local state: it travels with the request whatever thread sends it.
 */
public final class CallOptions extends Request.Options {
    private final Supplier<Map<String, String>> headers;
    private @Nullable Call exchange;
    private boolean cancelled;

    /**
     * @param base the timeouts and redirect setting of the client's requests
     * @param headers the headers for each request, read when it is made
     */
    public CallOptions(Request.Options base, Supplier<Map<String, String>> headers) {
        super(
                base.connectTimeout(),
                base.connectTimeoutUnit(),
                base.readTimeout(),
                base.readTimeoutUnit(),
                base.isFollowRedirects());
        this.headers = headers;
    }

    /** The headers the call's requests carry, besides their own. */
    Map<String, String> headers() {
        return headers.get();
    }

    /** The exchange now in flight; cancelled at once when the call was. */
    void attach(Call call) {
        boolean cancel;
        synchronized (this) {
            exchange = call;
            cancel = cancelled;
        }
        if (cancel) {
            call.cancel();
        }
    }

    /** Cancels the exchange in flight, and every one attached later. */
    public void cancel() {
        Call attached;
        synchronized (this) {
            cancelled = true;
            attached = exchange;
        }
        if (attached != null) {
            attached.cancel();
        }
    }

    @Override
    public Request.Options getMethodOptions(String methodName) {
        return this;
    }
}
