package io.github.oasst.client.internal.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The OkHttp settings the client insists on. */
public final class OkHttpClients {
    private OkHttpClients() {}

    /**
     * A builder of the client's own OkHttp client: a dispatcher that runs at most {@code maxRequests}
     * calls, in all and to one host, on as many threads of its own; a pool keeping {@code maxIdle}
     * idle connections for {@code keepAlive} each.
     *
     * <p>With {@code virtualThreads} (which needs {@link VirtualThreads#available()}), each call the
     * dispatcher runs gets a virtual thread of its own instead, and a call connects on that thread:
     * OkHttp's fast fallback (racing IPv6 and IPv4 addresses) is off, as it connects on the platform
     * threads of OkHttp's shared task runner, the more of them the more connections are being made.
     *
     * @throws IllegalStateException when {@code virtualThreads} is asked for and not available
     */
    public static OkHttpClient.Builder own(int maxRequests, int maxIdle, Duration keepAlive, boolean virtualThreads) {
        Dispatcher dispatcher = new Dispatcher(
                virtualThreads ? VirtualThreads.perTaskExecutor("OkHttp oasst ") : dispatcherThreads(maxRequests));
        dispatcher.setMaxRequests(maxRequests);
        dispatcher.setMaxRequestsPerHost(maxRequests);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxIdle, keepAlive.toMillis(), TimeUnit.MILLISECONDS));
        return virtualThreads ? builder.fastFallback(false) : builder;
    }

    /**
     * The threads of the client's own OkHttp dispatcher: at most {@code
     * maxRequests}, as many as calls it runs at once, daemons that end after 60 s
     * idle. A call the dispatcher promotes waits in the queue for a thread that finishes a call
     * (OkHttp's default pool hands each call to an idle thread, parking and waking one per call); the
     * queue never holds more calls than the dispatcher runs at once.
     */
    private static ExecutorService dispatcherThreads(int maxRequests) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(
                maxRequests, maxRequests, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "OkHttp Dispatcher " + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    /**
     * The client itself when it neither follows redirects (they would carry the API key elsewhere)
     * nor silently repeats requests after a connection failure (OkHttp would send a POST twice), and
     * has the network interceptor that tells whether a failed request had gone out; else a copy so
     * made, sharing its connection pool and dispatcher.
     */
    public static OkHttpClient harden(OkHttpClient okHttpClient) {
        Objects.requireNonNull(okHttpClient, "okHttpClient must not be null");
        boolean marks = okHttpClient.networkInterceptors().contains(Sending.MARK);
        if (marks
                && !okHttpClient.retryOnConnectionFailure()
                && !okHttpClient.followRedirects()
                && !okHttpClient.followSslRedirects()) {
            return okHttpClient;
        }
        OkHttpClient.Builder hardened = okHttpClient
                .newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        if (!marks) {
            hardened.addNetworkInterceptor(Sending.MARK);
        }
        return hardened.build();
    }
}
