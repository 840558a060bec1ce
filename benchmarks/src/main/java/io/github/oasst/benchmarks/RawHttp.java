package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Bytes.ascii;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A keep-alive HTTP/1.1 connection over a plain socket, with requests encoded once (their bodies by
 * Jackson, from the protocol records the other variants send) and responses read into one buffer:
 * no JSON and no allocation per exchange. It measures what the canned server and the loopback can
 * do, the ceiling no client can pass.
 */
public final class RawHttp implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private final byte[] fetch;
    private final byte[] ack;
    private final byte[] interaction;

    public RawHttp(int port) {
        try {
            ObjectMapper json = new ObjectMapper();
            fetch = request(
                    port,
                    "/api/v1/tasks/",
                    json.writeValueAsBytes(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, Fixtures.USER)));
            ack = request(
                    port,
                    "/api/v1/tasks/" + Fixtures.TASK_ID + "/ack",
                    json.writeValueAsBytes(new TaskAck(Fixtures.MESSAGE_ID)));
            interaction = request(port, "/api/v1/tasks/interaction", json.writeValueAsBytes(Fixtures.reply()));
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fetches the task; returns the status and the body length, as {@code status * 100_000 + length}. */
    public int fetch() throws IOException {
        return exchange(fetch);
    }

    public int ack() throws IOException {
        return exchange(ack);
    }

    public int interaction() throws IOException {
        return exchange(interaction);
    }

    private int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        int read = 0;
        int headerEnd = -1;
        while (headerEnd < 0) {
            int n = in.read(buffer, read, buffer.length - read);
            if (n < 0) {
                throw new EOFException("connection closed by the server");
            }
            read += n;
            headerEnd = indexOfBlankLine(read);
        }
        int status = (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
        int length = contentLength(headerEnd);
        int end = headerEnd + 4 + length;
        while (read < end) {
            int n = in.read(buffer, read, end - read);
            if (n < 0) {
                throw new EOFException("connection closed by the server");
            }
            read += n;
        }
        if (status / 100 != 2) {
            throw new IOException("HTTP " + status);
        }
        return status * 100_000 + length;
    }

    private int indexOfBlankLine(int limit) {
        for (int i = 0; i + 3 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int contentLength(int headerEnd) {
        for (int i = 0; i < headerEnd; i++) {
            if (buffer[i] == '\n' && Bytes.matchesIgnoreCase(buffer, i + 1, headerEnd, CONTENT_LENGTH)) {
                return Bytes.number(buffer, i + 1 + CONTENT_LENGTH.length, headerEnd);
            }
        }
        return 0;
    }

    private static byte[] request(int port, String path, byte[] body) {
        return Bytes.concat(
                ascii("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nX-API-Key: " + Fixtures.API_KEY
                        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n"),
                body);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
