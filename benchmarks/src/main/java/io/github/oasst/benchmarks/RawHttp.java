package io.github.oasst.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A keep-alive HTTP/1.1 connection over a plain socket, with requests encoded once and responses
 * read into one buffer: no JSON, no allocation per exchange. It measures what the canned server
 * and the loopback can do, the ceiling no client can pass.
 */
public final class RawHttp implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private final byte[] fetch;
    private final byte[] ack;
    private final byte[] interaction;

    public RawHttp(int port) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String user = "{\"id\":\"" + Fixtures.USER.id() + "\",\"display_name\":\"" + Fixtures.USER.displayName()
                + "\",\"auth_method\":\"discord\"}";
        fetch = request(
                port, "/api/v1/tasks/", "{\"type\":\"prompter_reply\",\"user\":" + user + ",\"collective\":false}");
        ack = request(
                port,
                "/api/v1/tasks/746216f8-9715-4061-8a35-22cb7618b588/ack",
                "{\"message_id\":\"" + Fixtures.MESSAGE_ID + "\"}");
        interaction = request(
                port,
                "/api/v1/tasks/interaction",
                "{\"type\":\"text_reply_to_message\",\"user\":" + user + ",\"message_id\":\"" + Fixtures.MESSAGE_ID
                        + "\",\"user_message_id\":\"" + Fixtures.USER_MESSAGE_ID + "\",\"text\":\""
                        + Fixtures.REPLY_TEXT + "\"}");
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
        byte[] name = CONTENT_LENGTH;
        outer:
        for (int i = 0; i < headerEnd - name.length; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
            for (int k = 0; k < name.length; k++) {
                if (Character.toLowerCase(buffer[i + 1 + k]) != name[k]) {
                    continue outer;
                }
            }
            int value = 0;
            for (int j = i + 1 + name.length; j < headerEnd; j++) {
                byte b = buffer[j];
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                } else if (b != ' ') {
                    break;
                }
            }
            return value;
        }
        return 0;
    }

    private static byte[] request(int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nX-API-Key: " + Fixtures.API_KEY
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
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
