package io.github.oasst.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 keep-alive server answering the OASST tasks API with canned bodies, built to
 * cost as little as possible per request: one selector thread, one pass over each request's head,
 * the answers encoded once, and no allocation per request.
 *
 * <ul>
 *   <li>{@code POST /api/v1/tasks/}: 200 with a {@code prompter_reply} task of about 1.2 KB;
 *   <li>{@code POST /api/v1/tasks/{id}/ack}: 204;
 *   <li>{@code POST /api/v1/tasks/interaction}: 200 {@code task_done};
 *   <li>a request without {@code X-API-Key}: 403, an unknown path: 404, another method: 405, all
 *       with OASST's {@code {"message", "error_code"}} body.
 * </ul>
 *
 * <p>The request body is read and skipped (its length comes from {@code Content-Length}); the
 * headers are those of uvicorn, the server the OASST backend runs on.
 */
public final class CannedServer implements AutoCloseable {
    /** The canned {@code prompter_reply} task, as the server sends it (minified, like FastAPI). */
    public static final String PROMPTER_REPLY_JSON = resource("prompter_reply.json");

    /** The canned {@code task_done} answer to an interaction. */
    public static final String TASK_DONE_JSON =
            "{\"id\":\"dd57fdc2-6276-4cc6-a191-346dbfa253ff\",\"type\":\"task_done\"}";

    private static volatile @Nullable CannedServer current;

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long requests;
    private volatile long connections;
    private volatile long finalCpuNanos = -1;

    private CannedServer() throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "canned-oasst-server");
        thread.setDaemon(true);
    }

    /**
     * Runs the server alone, for load generators such as {@code wrk}: prints its base URL, serves
     * for the given number of seconds (default 60), then stops.
     *
     * <pre>java -cp benchmarks/target/benchmarks.jar io.github.oasst.benchmarks.CannedServer 60</pre>
     */
    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        try (CannedServer server = start()) {
            System.out.println(server.baseUrl());
            Thread.sleep(seconds * 1000);
            System.out.printf(
                    "%d requests, %d connections, %.1f µs of server CPU per request%n",
                    server.requests(),
                    server.connections(),
                    server.cpuNanos() / 1000.0 / Math.max(1, server.requests()));
        }
    }

    /** Starts a server on a free loopback port. */
    public static CannedServer start() {
        try {
            CannedServer server = new CannedServer();
            server.thread.start();
            current = server;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's base URL, for example {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return listener.socket().getLocalPort();
    }

    /** Requests answered so far. */
    public long requests() {
        return requests;
    }

    /** Connections accepted so far. */
    public long connections() {
        return connections;
    }

    /** CPU time the server thread has used, in nanoseconds (-1 when the JVM cannot tell). */
    public long cpuNanos() {
        if (!thread.isAlive() && finalCpuNanos >= 0) {
            return finalCpuNanos;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.getId()) : -1;
    }

    /** The server started last and not closed yet, for {@link CostProfiler}. */
    static @Nullable CannedServer current() {
        return current;
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        running = false;
        stop(selector, thread);
    }

    /** Wakes the selector thread, which sees that it is no longer running, and waits for its end. */
    static void stop(Selector selector, Thread thread) {
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (running) {
                selector.select(this::handle);
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
            }
        } finally {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isCurrentThreadCpuTimeSupported()) {
                finalCpuNanos = threads.getCurrentThreadCpuTime();
            }
            closeAll(selector, listener);
        }
    }

    /** Closes every channel of the selector, the selector and the listening channel, quietly. */
    static void closeAll(Selector selector, ServerSocketChannel listener) {
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key);
        }
        try {
            selector.close();
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            CannedConnection connection = (CannedConnection) key.attachment();
            if (key.isWritable()) {
                if (!connection.flush(key)) {
                    return;
                }
                connection.process(key); // requests left waiting for room in the output buffer
            }
            if (key.isReadable()) {
                connection.read(key);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(key);
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new CannedConnection(this, channel));
            connections++;
        }
    }

    /** Counts a request answered, on the server's thread. */
    void answered() {
        requests++;
    }

    /** Cancels the key and closes its channel. */
    static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static String resource(String name) {
        try (InputStream in = CannedServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
