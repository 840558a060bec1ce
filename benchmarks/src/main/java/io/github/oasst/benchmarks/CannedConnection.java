package io.github.oasst.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of {@link CannedServer}: its input and output buffers, the complete
 * requests read answered in order, and the answers written as the socket takes them.
 */
final class CannedConnection {
    private static final int BUFFER = 16 * 1024;

    private final CannedServer server;
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
    private final byte[] bytes = in.array();
    private final ByteBuffer out = ByteBuffer.allocate(BUFFER);
    private final RequestHead head = new RequestHead();
    private boolean closeAfterWrite;

    CannedConnection(CannedServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
        out.flip(); // nothing to write
    }

    void read(SelectionKey key) throws IOException {
        int n = channel.read(in);
        if (n < 0) {
            CannedServer.closeQuietly(key);
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
        if (!head.parse(bytes, start, limit)) {
            return false;
        }
        int end = head.bodyStart + head.contentLength;
        if (end > limit) {
            if (end - start > BUFFER) {
                throw new IllegalStateException("request body too large");
            }
            return false; // the body is still coming
        }
        if (out.capacity() - out.limit() < CannedAnswers.TASK.length) {
            return false; // answer once the pending output is written
        }
        byte[] answer = CannedAnswers.route(bytes, start, limit, head);
        if (head.connectionClose) {
            closeAfterWrite = true;
        }
        int position = out.position();
        out.position(out.limit()).limit(out.capacity());
        out.put(answer);
        out.limit(out.position()).position(position);
        in.position(end);
        server.answered();
        return true;
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
            CannedServer.closeQuietly(key);
            return false;
        }
        if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
            key.interestOps(SelectionKey.OP_READ);
        }
        return true;
    }
}
