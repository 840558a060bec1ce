package io.github.oasst.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuickstartTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment) {
        return Quickstart.run(
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long lines(String text, String containing) {
        return text.lines().filter(line -> line.contains(containing)).count();
    }

    @Test
    void withoutAUrlItPlaysARoundOnTheEmbeddedBackendAndSaysSoFirst() {
        int status = run(Map.of());

        assertThat(status).as(out()).isZero();
        assertThat(out().lines().findFirst().orElseThrow())
                .startsWith("No OASST_BACKEND_URL set: using an embedded fake OASST backend at http://127.0.0.1:");
        String summary = out().substring(out().indexOf("requested  "));
        assertThat(lines(summary, " answered ")).isEqualTo(8);
        assertThat(lines(summary, " not served ")).isEqualTo(4);
        assertThat(lines(summary, " nacked ")).isEqualTo(1);
        assertThat(summary.lines()
                        .filter(line -> line.startsWith("random "))
                        .findFirst()
                        .orElseThrow())
                .contains("answered");
        assertThat(out()).contains("Round complete: 8 tasks answered, 1 rejected, 4 not available from this server.");
        assertThat(err()).isEmpty();
    }

    @Test
    void withAUrlAndKeyItUsesThatBackend() {
        try (FakeOasstBackend backend = FakeOasstBackend.builder()
                .serveAllTaskTypes(true)
                .apiKey("real-key")
                .start()) {
            int status = run(Map.of("OASST_BACKEND_URL", backend.baseUrl(), "OASST_API_KEY", "real-key"));

            assertThat(status).as(out()).isZero();
            assertThat(out().lines().findFirst().orElseThrow())
                    .isEqualTo("Using the OASST backend at " + backend.baseUrl());
            assertThat(lines(out(), " answered ")).isEqualTo(12);
            assertThat(backend.requestCount("/api/v1/tasks/interaction")).isEqualTo(12);
        }
    }

    @Test
    void aRefusedKeyEndsWithOneClearLine() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            int status = run(Map.of("OASST_BACKEND_URL", backend.baseUrl(), "OASST_API_KEY", "wrong-key"));

            assertThat(status).isEqualTo(Quickstart.AUTHENTICATION);
            assertThat(err())
                    .isEqualTo("oasst-quickstart: 403 API_CLIENT_NOT_AUTHORIZED: Could not validate credentials"
                            + " (POST /api/v1/tasks/)" + System.lineSeparator());
        }
    }

    @Test
    void anUnreachableBackendEndsWithOneClearLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        int status = run(Map.of("OASST_BACKEND_URL", "http://127.0.0.1:" + port, "OASST_API_KEY", "k"));

        assertThat(status).isEqualTo(Quickstart.NETWORK);
        assertThat(err().lines())
                .singleElement()
                .asString()
                .startsWith("oasst-quickstart: could not connect (request not sent)");
    }

    @Test
    void aMissingKeyOrABadUrlIsAConfigurationError() {
        assertThat(run(Map.of("OASST_BACKEND_URL", "http://127.0.0.1:1"))).isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of("OASST_BACKEND_URL", "ftp://oasst.example", "OASST_API_KEY", "k")))
                .isEqualTo(Quickstart.CONFIGURATION);

        assertThat(err().lines())
                .containsExactly(
                        "oasst-quickstart: OASST_API_KEY is not set; it is required with OASST_BACKEND_URL",
                        "oasst-quickstart: invalid configuration: baseUrl must be an http or https URL, got ftp://oasst.example");
        assertThat(out()).isEmpty();
    }

    @Test
    void taskDoneInPlaceOfATaskMeansNoneAvailable() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            backend.injectFault(
                    1,
                    "/api/v1/tasks/",
                    InjectedFault.status(200, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"task_done\"}"));

            int status = run(Map.of("OASST_BACKEND_URL", backend.baseUrl(), "OASST_API_KEY", backend.apiKey()));

            assertThat(status).as(out()).isZero();
            assertThat(out()).contains("no task available (the server answered task_done)");
            assertThat(out().lines()
                            .filter(line -> line.startsWith("summarize_story "))
                            .findFirst()
                            .orElseThrow())
                    .contains("none available");
        }
    }

    @Test
    void aFailedStepIsReportedAndTheRoundEndsWithStatusOne() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            backend.injectFault(
                    1,
                    "/api/v1/tasks/interaction",
                    InjectedFault.status(400, "{\"error_code\":2105,\"message\":\"Task already done.\"}"));

            int status = run(Map.of("OASST_BACKEND_URL", backend.baseUrl(), "OASST_API_KEY", backend.apiKey()));

            assertThat(status).isEqualTo(Quickstart.STEP_FAILED);
            assertThat(out().lines()
                            .filter(line -> line.startsWith("initial_prompt "))
                            .findFirst()
                            .orElseThrow())
                    .contains("FAILED", "400 TASK_ALREADY_DONE: Task already done.");
            assertThat(out()).contains("Round incomplete: 1 steps failed");
        }
    }

    @Test
    void theRetryExampleSurvivesItsFaults() {
        int status = RetryExample.run(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).as(out()).isZero();
        assertThat(out())
                .contains("got task", "after 3 requests")
                .contains("acknowledged after 2 requests")
                .contains("answered with 1 request");
        assertThat(lines(out(), "retry: FETCH_TASK")).isEqualTo(2);
        assertThat(lines(out(), "retry: ACK_TASK")).isEqualTo(1);
    }
}
