package io.github.oasst.client.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Whether a request has started to go out: a tag on each request, set by a network interceptor,
 * which OkHttp runs once the connection is established, just before it writes the request. A
 * failure before that moment (no connection, a refused or timed-out connect, a failed TLS
 * handshake) left the server unaware of the request.
 */
final class Sending {
    /** The network interceptor that marks a request's tag as sent. */
    static final Interceptor MARK = new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Sending sending = chain.request().tag(Sending.class);
            if (sending != null) {
                sending.sent = true;
            }
            return chain.proceed(chain.request());
        }

        @Override
        public String toString() {
            return "Sending.MARK";
        }
    };

    /**
     * Whether the request has gone out. Without the network interceptor on the client nobody can
     * tell, and it counts as sent from the start: the server may have seen it.
     */
    volatile boolean sent;

    Sending(boolean observed) {
        this.sent = !observed;
    }
}
