package io.github.oasst.client;

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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 keep-alive server that can hold its answers until a given number of requests
 * are waiting for one ({@link #holdUntil}): then all of those calls are in flight at once, and only
 * then are they all answered. It runs on one thread of its own (a selector), started with it, so
 * that it adds no thread while the calls run. Every request is answered 200 with the same JSON body.
 */
final class HoldingServer implements AutoCloseable {
    private final byte[] answer;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread thread;
    private final List<Connection> held = new ArrayList<>();
    private volatile boolean running = true;
    /** Requests to hold before answering them all; 0: answer each at once. */
    private volatile int hold;

    private volatile long giveUpAt;
    private volatile int mostHeld;
    private volatile int requests;

    HoldingServer(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
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
        thread = new Thread(this::loop, "holding-server");
        thread.setDaemon(true);
        thread.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.socket().getLocalPort();
    }

    /**
     * From now on, holds every answer until {@code requests} requests wait for one, then answers them
     * all (and each later request at once); gives up holding after {@code patience}, answering those
     * that came, so that a client that cannot have them all in flight fails its test instead of
     * hanging.
     */
    void holdUntil(int requests, Duration patience) {
        mostHeld = 0;
        giveUpAt = System.nanoTime() + patience.toNanos();
        hold = requests;
        selector.wakeup();
    }

    /** The most requests that waited for their answer at once since {@link #holdUntil}. */
    int mostHeld() {
        return mostHeld;
    }

    /** Requests received so far. */
    int requests() {
        return requests;
    }

    @Override
    public void close() {
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
                selector.select(this::handle, 100);
                if (hold > 0 && System.nanoTime() - giveUpAt > 0) {
                    releaseHeld();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
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
                read(key, connection);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(key);
        }
    }

    private void read(SelectionKey key, Connection connection) throws IOException {
        if (connection.channel.read(connection.in) < 0) {
            closeQuietly(key);
            return;
        }
        int complete;
        while ((complete = connection.completeRequest()) > 0) {
            connection.consume(complete);
            requests++;
            if (hold == 0) {
                connection.send(key, answer);
            } else {
                held.add(connection);
                connection.key = key;
                mostHeld = Math.max(mostHeld, held.size());
                if (held.size() >= hold) {
                    releaseHeld();
                }
            }
        }
    }

    private void releaseHeld() {
        hold = 0;
        for (Connection connection : held) {
            SelectionKey key = connection.key;
            if (key != null && key.isValid()) {
                try {
                    connection.send(key, answer);
                } catch (IOException e) {
                    closeQuietly(key); // the client went away
                }
            }
        }
        held.clear();
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** One connection: the bytes of requests read so far, and the answers not yet written. */
    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        final Queue<ByteBuffer> out = new ArrayDeque<>();

        @Nullable
        SelectionKey key;

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

        void send(SelectionKey key, byte[] answer) throws IOException {
            out.add(ByteBuffer.wrap(answer));
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
