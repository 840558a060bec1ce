package io.github.oasst.client.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 server on a loopback socket that records each request exactly as its bytes arrived
 * (the request line above all) and answers every one alike: what a test needs to see what the
 * client really sends, with nothing (no Jetty, no servlet API) normalising the URL first.
 */
public final class RawHttpServer implements AutoCloseable {
    /** A request as received: its request line as sent, and its parts. */
    public record Received(String requestLine, Map<String, List<String>> headers, byte[] body) {
        public String method() {
            return requestLine.substring(0, requestLine.indexOf(' '));
        }

        /** The request target: the path and query exactly as sent. */
        public String target() {
            return requestLine.substring(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
        }

        public @Nullable String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    private final ServerSocket socket;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> connections = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger cuts = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int cutAfter;
    private volatile int status = 404;
    private volatile String body = "{\"error_code\":2001,\"message\":\"Message not found.\"}";

    private RawHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static RawHttpServer start() throws IOException {
        return new RawHttpServer();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Answers every later request with this status and JSON body (none for 204). */
    public RawHttpServer answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    /**
     * Cuts the next {@code answers} answers: each sends its headers (with the whole body's length)
     * and the first {@code bytes} bytes of its body, then ends the connection, as a connection
     * broken while the body is read.
     */
    public RawHttpServer cutNextAnswers(int answers, int bytes) {
        cutAfter = bytes;
        cuts.set(answers);
        return this;
    }

    /** The requests received, oldest first. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (connections) {
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                connections.add(connection);
                Thread reader = new Thread(() -> serve(connection), "raw-http-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            String requestLine;
            while ((requestLine = line(in)) != null && !requestLine.isEmpty()) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                String header;
                while ((header = line(in)) != null && !header.isEmpty()) {
                    int colon = header.indexOf(':');
                    headers.computeIfAbsent(
                                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(header.substring(colon + 1).trim());
                }
                List<String> length = headers.get("content-length");
                byte[] requestBody = in.readNBytes(length == null ? 0 : Integer.parseInt(length.get(0)));
                received.add(new Received(requestLine, headers, requestBody));
                int answerStatus = status;
                byte[] answer = answerStatus == 204 ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                response.write(("HTTP/1.1 " + answerStatus + " Answer\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + answer.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                boolean cut = cuts.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
                response.write(answer, 0, cut ? Math.min(cutAfter, answer.length) : answer.length);
                out.write(response.toByteArray()); // in one write: no wait for the client's delayed ACK
                out.flush();
                if (cut) {
                    connection.shutdownOutput(); // the client reads what was sent, then the end of the stream
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** A line up to CRLF, its bytes as ISO-8859-1 (so every byte shows as it came); null at the end. */
    private static @Nullable String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
