package io.github.oasst.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The canned server answers like the OASST backend, to every client the benchmarks use. No timing here. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang must fail the build, not stall it
class CannedServerTest {
    private static CannedServer server;

    @BeforeAll
    static void start() {
        server = CannedServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cannedTaskIsAboutOnePointTwoKilobytes() {
        assertThat(CannedServer.PROMPTER_REPLY_JSON.getBytes(StandardCharsets.UTF_8).length)
                .isBetween(1100, 1300);
    }

    @Test
    void facadeRunsTheFullCycle() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(Fixtures.API_KEY)
                .build()) {
            PrompterReplyTask task = client.fetchTask(TaskKind.PROMPTER_REPLY, Fixtures.USER);
            assertThat(task.id()).isEqualTo(Fixtures.TASK_ID);
            assertThat(task.conversation().messages()).hasSize(4);
            client.ackTask(task.id(), Fixtures.MESSAGE_ID);
            client.postInteraction(Fixtures.reply());
            assertThat(client.fetchTaskAsync(TaskKind.PROMPTER_REPLY, Fixtures.USER)
                            .join()
                            .id())
                    .isEqualTo(task.id());
        }
    }

    @Test
    void handWrittenBaselineRunsTheFullCycle() throws IOException {
        long before = server.requests();
        try (HandWritten client = new HandWritten(server.baseUrl(), Fixtures.API_KEY)) {
            Task task = client.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, Fixtures.USER));
            assertThat(task).isInstanceOf(PrompterReplyTask.class);
            client.ackTask(task.id(), new TaskAck(Fixtures.MESSAGE_ID));
            client.postInteraction(Fixtures.reply());
            assertThat(server.requests() - before).isEqualTo(3);
        }
    }

    @Test
    void rawSocketKeepsItsConnectionAcrossExchanges() throws IOException {
        try (RawHttp raw = new RawHttp(server.port())) {
            for (int i = 0; i < 3; i++) {
                assertThat(raw.fetch()).isEqualTo(200 * 100_000 + CannedServer.PROMPTER_REPLY_JSON.length());
                assertThat(raw.ack()).isEqualTo(204 * 100_000);
                assertThat(raw.interaction()).isEqualTo(200 * 100_000 + CannedServer.TASK_DONE_JSON.length());
            }
        }
    }

    @Test
    void requestWithoutApiKeyIsForbidden() {
        assertThat(exchange("POST /api/v1/tasks/ HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"))
                .startsWith("HTTP/1.1 403 ")
                .contains("\"error_code\":2}");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() {
        assertThat(exchange("POST /api/v1/other HTTP/1.1\r\nX-API-Key: k\r\nContent-Length: 0\r\n\r\n"))
                .startsWith("HTTP/1.1 404 ");
        assertThat(exchange("GET /api/v1/tasks/ HTTP/1.1\r\nX-API-Key: k\r\n\r\n"))
                .startsWith("HTTP/1.1 405 ");
    }

    @Test
    void errorsReachTheClientAsOasstErrors() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(server.baseUrl() + "/wrong-prefix")
                .apiKey(Fixtures.API_KEY)
                .retryPolicy(RetryPolicy.disabled())
                .build()) {
            assertThatThrownBy(() -> client.fetchTask(TaskKind.PROMPTER_REPLY, Fixtures.USER))
                    .isInstanceOfSatisfying(
                            OasstError.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    /** Sends one request, with Connection: close, and reads the whole answer. */
    private static String exchange(String request) {
        String closing = request.replaceFirst("\r\n", "\r\nConnection: close\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(closing.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
