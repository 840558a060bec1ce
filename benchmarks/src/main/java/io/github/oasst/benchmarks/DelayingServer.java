package io.github.oasst.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Queue;

/**
 * A loopback HTTP/1.1 keep-alive server that answers every request with the canned {@code
 * prompter_reply} task after a fixed delay, as a backend busy for that long: so that a burst of
 * calls is really in flight at once. One selector thread, started with it; it counts the most
 * requests that waited for their answer at once.
 */
final class DelayingServer implements AutoCloseable {
    private final byte[] answer;
    private final long delayNanos;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread thread;
    /** Answers due, in the order they are due (every request waits the same delay). */
    private final Queue<Due> due = new ArrayDeque<>();

    private volatile boolean running = true;
    private volatile int mostInFlight;

    DelayingServer(long delayMillis) {
        this.delayNanos = delayMillis * 1_000_000;
        byte[] body = CannedServer.PROMPTER_REPLY_JSON.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + body.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        try {
            selector = Selector.open();
            listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::loop, "delaying-oasst-server");
        thread.setDaemon(true);
        thread.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.socket().getLocalPort();
    }

    /** The most requests that waited for their answer at once since the last call; resets it. */
    int takeMostInFlight() {
        int most = mostInFlight;
        mostInFlight = 0;
        return most;
    }

    @Override
    public void close() {
        running = false;
        CannedServer.stop(selector, thread);
    }

    private record Due(long at, Connection connection, SelectionKey key) {}

    private void loop() {
        try {
            while (running) {
                Due next = due.peek();
                long wait = next == null ? 0 : Math.max(1, (next.at - System.nanoTime()) / 1_000_000);
                selector.select(this::handle, wait);
                long now = System.nanoTime();
                while ((next = due.peek()) != null && now - next.at >= 0) {
                    due.remove();
                    if (next.key.isValid()) {
                        next.connection.send(next.key, answer);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CannedServer.closeAll(selector, listener);
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                SocketChannel channel;
                while ((channel = listener.accept()) != null) {
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
                }
                return;
            }
            Connection connection = (Connection) key.attachment();
            if (key.isWritable()) {
                connection.flush(key);
            }
            if (key.isReadable()) {
                if (connection.channel.read(connection.in) < 0) {
                    CannedServer.closeQuietly(key);
                    return;
                }
                int length;
                while ((length = connection.completeRequest()) > 0) {
                    connection.consume(length);
                    due.add(new Due(System.nanoTime() + delayNanos, connection, key));
                    mostInFlight = Math.max(mostInFlight, due.size());
                }
            }
        } catch (IOException | RuntimeException e) {
            CannedServer.closeQuietly(key);
        }
    }

    /** One connection: the bytes of requests read so far, and the answers not yet written. */
    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(8 * 1024);
        final Queue<ByteBuffer> out = new ArrayDeque<>();

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** The length of the first complete request read (head and body), or 0. */
        int completeRequest() {
            byte[] bytes = in.array();
            int end = in.position();
            for (int i = 3; i < end; i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    int length = i + 1 + contentLength(new String(bytes, 0, i + 1, StandardCharsets.ISO_8859_1));
                    return length <= end ? length : 0;
                }
            }
            if (end == in.capacity()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            return 0;
        }

        void consume(int length) {
            in.flip().position(length);
            in.compact();
        }

        void send(SelectionKey key, byte[] bytes) throws IOException {
            out.add(ByteBuffer.wrap(bytes));
            flush(key);
        }

        void flush(SelectionKey key) throws IOException {
            ByteBuffer next;
            while ((next = out.peek()) != null) {
                channel.write(next);
                if (next.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                out.remove();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(
                            line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return 0;
        }
    }
}
