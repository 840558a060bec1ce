package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.api.OasstTransportException.Kind;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TLS handshake that cannot succeed (no TLS on the port, a certificate not trusted or not for the
 * host) fails at once and once, as "not sent", with its cause; one that broke off (the connection
 * reset under it) is retried like a refused connection.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsFailureTest {
    private static final RetryPolicy QUICK_RETRIES = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(1))
            .build();

    @Test
    void httpsToAPlainHttpPortFailsOnceAsRefused() throws Exception {
        try (Acceptor plain =
                new Acceptor(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), Acceptor::answerPlainHttp)) {
            OasstTransportException failure = fetch("https://127.0.0.1:" + plain.port(), new OkHttpClient());

            assertRefused(failure, "SSLException");
            assertThat(plain.accepted()).isEqualTo(1);
        }
    }

    @Test
    void anUntrustedCertificateFailsOnceAsRefused() throws Exception {
        HeldCertificate selfSigned = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1")
                .build();
        try (Acceptor tls = tlsServer(selfSigned)) {
            OasstTransportException failure = fetch("https://127.0.0.1:" + tls.port(), new OkHttpClient());

            assertRefused(failure, "SSLHandshakeException");
            assertThat(tls.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aCertificateForAnotherHostFailsOnceAsRefused() throws Exception {
        HeldCertificate otherHost = new HeldCertificate.Builder()
                .addSubjectAlternativeName("backend.example")
                .build();
        HandshakeCertificates trusting = new HandshakeCertificates.Builder()
                .addTrustedCertificate(otherHost.certificate())
                .build();
        OkHttpClient trustsIt = new OkHttpClient.Builder()
                .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager())
                .build();
        try (Acceptor tls = tlsServer(otherHost)) {
            OasstTransportException failure = fetch("https://127.0.0.1:" + tls.port(), trustsIt);

            assertRefused(failure, "SSLPeerUnverifiedException");
            assertThat(tls.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aHandshakeThatIsResetIsRetried() throws Exception {
        try (Acceptor resetting =
                new Acceptor(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), Acceptor::resetAfterHello)) {
            OasstTransportException failure = fetch("https://127.0.0.1:" + resetting.port(), new OkHttpClient());

            assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(Kind.CONNECT_FAILED);
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(resetting.accepted()).isEqualTo(3);
        }
    }

    @Test
    void aHandshakeThatBreaksOffIsRetried() throws Exception {
        try (Acceptor closing =
                new Acceptor(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), Acceptor::closeAfterHello)) {
            OasstTransportException failure = fetch("https://127.0.0.1:" + closing.port(), new OkHttpClient());

            assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(Kind.TLS_FAILED);
            assertThat(failure.failureClass()).isEqualTo(FailureClass.NOT_PROCESSED);
            assertThat(failure.mayHaveReachedServer()).isFalse();
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(closing.accepted()).isEqualTo(3);
        }
    }

    private static void assertRefused(OasstTransportException failure, String cause) {
        assertThat(failure.kind()).isEqualTo(Kind.TLS_REJECTED);
        assertThat(failure.failureClass()).isEqualTo(FailureClass.DEFINITE);
        assertThat(failure.mayHaveReachedServer()).isFalse();
        assertThat(failure.attempts()).as("not retried").isEqualTo(1);
        assertThat(failure.getMessage()).startsWith("TLS handshake refused (request not sent): " + cause);
    }

    private static OasstTransportException fetch(String baseUrl, OkHttpClient okHttp) {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(baseUrl)
                .apiKey(TestSupport.API_KEY)
                .okHttpClient(okHttp)
                .retryPolicy(QUICK_RETRIES)
                .build()) {
            return catchThrowableOfType(
                    OasstTransportException.class, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));
        }
    }

    private static Acceptor tlsServer(HeldCertificate certificate) throws IOException {
        HandshakeCertificates server =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        SSLServerSocket socket = (SSLServerSocket) server.sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new Acceptor(socket, connection -> {
            try (InputStream in = connection.getInputStream()) {
                in.read(); // runs the handshake, which the client gives up
            }
        });
    }

    /** Accepts connections on a socket and handles each on a thread of its own. */
    private static final class Acceptor implements AutoCloseable {
        interface Handler {
            void handle(Socket connection) throws IOException;
        }

        private final ServerSocket socket;
        private final AtomicInteger accepted = new AtomicInteger();

        Acceptor(ServerSocket socket, Handler handler) {
            this.socket = socket;
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        accepted.incrementAndGet();
                        Thread each = new Thread(() -> {
                            try (connection) {
                                handler.handle(connection);
                            } catch (IOException e) {
                                // the client gave up
                            }
                        });
                        each.setDaemon(true);
                        each.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        /** Answers whatever arrives as plain HTTP would: not TLS. */
        static void answerPlainHttp(Socket connection) throws IOException {
            connection.getInputStream().read(new byte[1024]);
            connection.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
        }

        /** Reads the start of the client's hello, then closes the connection: the handshake ends early. */
        static void closeAfterHello(Socket connection) throws IOException {
            connection.getInputStream().read(new byte[16]);
        }

        /** Reads the start of the client's hello, then resets the connection. */
        static void resetAfterHello(Socket connection) throws IOException {
            connection.getInputStream().read(new byte[16]);
            connection.setSoLinger(true, 0);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
