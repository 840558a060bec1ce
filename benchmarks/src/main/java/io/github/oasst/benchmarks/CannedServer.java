package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Bytes.ascii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
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

    private static final String HEADERS = "date: Fri, 06 Jan 2023 12:00:00 GMT\r\nserver: uvicorn\r\n";

    private static final byte[] TASK = answer(200, "OK", PROMPTER_REPLY_JSON);
    private static final byte[] DONE = answer(200, "OK", TASK_DONE_JSON);
    private static final byte[] NO_CONTENT = ascii("HTTP/1.1 204 No Content\r\n" + HEADERS + "\r\n");
    /** The backend's answer to a request without an API key, as recorded (error code 2). */
    private static final byte[] FORBIDDEN =
            answer(403, "Forbidden", "{\"message\":\"Could not validate credentials\",\"error_code\":2}");

    private static final byte[] NOT_FOUND = answer(404, "Not Found", "{\"detail\":\"Not Found\"}");
    private static final byte[] NOT_ALLOWED = answer(405, "Method Not Allowed", "{\"detail\":\"Method Not Allowed\"}");

    private static final byte[] POST = ascii("POST ");
    private static final byte[] TASKS = ascii("/api/v1/tasks/");
    private static final byte[] INTERACTION = ascii("interaction");
    private static final byte[] ACK = ascii("/ack");
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] API_KEY = ascii("x-api-key:");
    private static final byte[] CONNECTION_CLOSE = ascii("connection: close");

    private static final int BUFFER = 16 * 1024;

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
    }

    private void handle(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            Connection connection = (Connection) key.attachment();
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
            channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
            connections++;
        }
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /**
     * One keep-alive connection: its input and output buffers. A request's head is parsed in one
     * pass over the input array, looking only at the start of each header line.
     */
    private final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
        private final byte[] bytes = in.array();
        private final ByteBuffer out = ByteBuffer.allocate(BUFFER);
        private boolean closeAfterWrite;

        // what the last parsed head said
        private int bodyStart;
        private int contentLength;
        private boolean hasApiKey;
        private boolean connectionClose;

        Connection(SocketChannel channel) {
            this.channel = channel;
            out.flip(); // nothing to write
        }

        void read(SelectionKey key) throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                closeQuietly(key);
                return;
            }
            process(key);
        }

        /** Answers the complete requests read so far. */
        void process(SelectionKey key) throws IOException {
            in.flip();
            boolean answered = false;
            while (!closeAfterWrite && answerOne()) {
                answered = true;
            }
            in.compact();
            if (!in.hasRemaining()) {
                throw new IOException("request too large");
            }
            if (answered) {
                flush(key);
            }
        }

        /** Answers the complete request at the start of {@code in}, if there is one. */
        private boolean answerOne() {
            int start = in.position();
            int limit = in.limit();
            if (!parseHead(start, limit)) {
                return false;
            }
            int end = bodyStart + contentLength;
            if (end > limit) {
                if (end - start > BUFFER) {
                    throw new IllegalStateException("request body too large");
                }
                return false; // the body is still coming
            }
            if (out.capacity() - out.limit() < TASK.length) {
                return false; // answer once the pending output is written
            }
            byte[] answer = route(start);
            if (connectionClose) {
                closeAfterWrite = true;
            }
            int position = out.position();
            out.position(out.limit()).limit(out.capacity());
            out.put(answer);
            out.limit(out.position()).position(position);
            in.position(end);
            requests++;
            return true;
        }

        /**
         * Finds the end of the head starting at {@code start} and reads the three headers that
         * matter; false while the head is incomplete.
         */
        private boolean parseHead(int start, int limit) {
            contentLength = 0;
            hasApiKey = false;
            connectionClose = false;
            for (int i = start; i + 2 < limit; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                int line = i + 1;
                byte first = bytes[line];
                if (first == '\r' && bytes[line + 1] == '\n') {
                    bodyStart = line + 2;
                    return true;
                }
                switch (first | 0x20) { // lower case
                    case 'c' -> {
                        if (Bytes.matchesIgnoreCase(bytes, line, limit, CONTENT_LENGTH)) {
                            contentLength = Bytes.number(bytes, line + CONTENT_LENGTH.length, limit);
                        } else if (Bytes.matchesIgnoreCase(bytes, line, limit, CONNECTION_CLOSE)) {
                            connectionClose = true;
                        }
                    }
                    case 'x' -> hasApiKey |= Bytes.matchesIgnoreCase(bytes, line, limit, API_KEY);
                    default -> {
                        // a header that does not matter here
                    }
                }
            }
            return false;
        }

        private byte[] route(int start) {
            if (!startsWith(start, POST)) {
                return NOT_ALLOWED;
            }
            if (!hasApiKey) {
                return FORBIDDEN;
            }
            int path = start + POST.length;
            if (!startsWith(path, TASKS)) {
                return NOT_FOUND;
            }
            int rest = path + TASKS.length;
            int pathEnd = rest;
            while (pathEnd < bodyStart && bytes[pathEnd] != ' ' && bytes[pathEnd] != '?') {
                pathEnd++;
            }
            if (pathEnd == rest) {
                return TASK;
            }
            if (equalsAt(rest, pathEnd, INTERACTION)) {
                return DONE;
            }
            if (endsWith(rest, pathEnd, ACK)) {
                return NO_CONTENT;
            }
            return NOT_FOUND;
        }

        /** Writes pending output; false when the socket could not take all of it. */
        boolean flush(SelectionKey key) throws IOException {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return false;
                }
            }
            out.clear().flip();
            if (closeAfterWrite) {
                closeQuietly(key);
                return false;
            }
            if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                key.interestOps(SelectionKey.OP_READ);
            }
            return true;
        }

        private boolean startsWith(int at, byte[] prefix) {
            if (at + prefix.length > in.limit()) {
                return false;
            }
            for (int k = 0; k < prefix.length; k++) {
                if (bytes[at + k] != prefix[k]) {
                    return false;
                }
            }
            return true;
        }

        private boolean equalsAt(int from, int to, byte[] text) {
            return to - from == text.length && startsWith(from, text);
        }

        private boolean endsWith(int from, int to, byte[] suffix) {
            return to - from > suffix.length && startsWith(to - suffix.length, suffix);
        }
    }

    /** A whole answer with a JSON body, encoded once. */
    private static byte[] answer(int status, String reason, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return Bytes.concat(
                ascii("HTTP/1.1 " + status + " " + reason + "\r\n" + HEADERS + "content-length: " + body.length
                        + "\r\ncontent-type: application/json\r\n\r\n"),
                body);
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
