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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuickstartTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return Quickstart.run(
                environment,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The table of the round's steps. */
    private String summary() {
        return out().substring(out().indexOf("requested  "), out().indexOf("Tally: "));
    }

    private static long lines(String text, String containing) {
        return text.lines().filter(line -> line.contains(containing)).count();
    }

    @Test
    void withoutAUrlItPlaysARoundOnTheEmbeddedBackendAndSaysSoFirst() {
        int status = run(Map.of());

        assertThat(status).as(out()).isZero();
        assertThat(out().lines().findFirst().orElseThrow())
                .startsWith(
                        "No OASST_BACKEND_URL set: using an embedded fake OASST backend (2023-01) at http://127.0.0.1:");
        assertThat(out()).contains("The backend is the 2023-01 version");
        String summary = summary();
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
    void onTheEmbedded2023_05BackendItNamesTheUserAndVariesItsTexts() {
        int status = run(Map.of(), "--embedded", "2023-05", "--rounds", "3");

        assertThat(status).as(out()).isZero();
        assertThat(out()).contains("The backend is the 2023-05 version");
        assertThat(out())
                .as("the 2023-05 backend serves no summary, rating, prompt ranking or prompter-reply ranking")
                .contains("3 rounds complete: 24 tasks answered, 3 rejected, 12 not available from this server.");
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
            assertThat(lines(summary(), " answered ")).isEqualTo(12);
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
                .startsWith("oasst-quickstart: the backend was unreachable for 3 steps in a row; last: could not"
                        + " connect (request not sent)");
        assertThat(lines(out(), "failed: could not connect"))
                .as("one line per step")
                .isEqualTo(3);
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
            assertThat(out()).contains("Round incomplete: 1 steps failed, 0 uncertain");
            assertThat(lines(summary(), " answered ")).as("the round went on").isEqualTo(7);
        }
    }

    @Test
    void aSoakPlaysRoundsBackToBackAndEndsWithATally() {
        int status = run(Map.of(), "--rounds", "3", "--faults", "0.2", "--seed", "7");

        assertThat(out())
                .contains("It fails 20 % of requests on purpose (refuse, service_unavailable, drop_answer,"
                        + " truncate_answer, equally often; seed 7)")
                .contains("Playing rounds, each for a user of its own (quickstart-")
                .contains("round 3/3: 39 steps: ")
                .contains("Tally: 3 rounds, 39 steps in ");
        assertThat(out().lines().map(String::strip))
                .anyMatch(line -> line.matches("steps +answered \\d+, nacked \\d+, not served \\d+, none available"
                        + " \\d+, uncertain \\d+, failed \\d+"))
                .anyMatch(line -> line.matches("servable +\\d+, of which complete \\d+ \\(\\d+\\.\\d %\\)"))
                .anyMatch(line ->
                        line.matches("requests +\\d+ for \\d+ calls: \\d+ retries, \\d+ reconciled; \\d+ calls failed"))
                .anyMatch(line -> line.matches("step latency +p50 \\d+ ms, p99 \\d+ ms, max \\d+ ms"));
        assertThat(out()).doesNotContain("requested  ").as("no per-step table in a soak");
        if (status == Quickstart.OK) {
            assertThat(out()).contains("3 rounds complete: ");
        } else {
            assertThat(status).isEqualTo(Quickstart.STEP_FAILED);
            assertThat(out())
                    .contains("3 rounds incomplete: ")
                    .containsPattern("round \\d, [a-z_ ()]+: (FAILED|UNCERTAIN) ");
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void aDurationBoundsTheSoak() {
        int status = run(Map.of(), "--duration", "1s");

        assertThat(status).as(out()).isZero();
        assertThat(out()).containsPattern("Tally: \\d+ rounds?, \\d+ steps in 1\\.\\d s");
    }

    @Test
    void badArgumentsAreAConfigurationErrorWithTheUsage() {
        assertThat(run(Map.of(), "--rounds", "0")).isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of(), "--faults", "1.5")).isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of(), "--duration", "soon")).isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of(), "--seed", "3")).isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of(), "--rounds")).isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of(), "--verbose")).isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of("OASST_BACKEND_URL", "http://127.0.0.1:1", "OASST_API_KEY", "k"), "--faults", "0.1"))
                .isEqualTo(Quickstart.CONFIGURATION);
        assertThat(run(Map.of(), "--embedded", "2023-03")).isEqualTo(Quickstart.CONFIGURATION);

        assertThat(err().lines().filter(line -> line.startsWith("oasst-quickstart: ")))
                .containsExactly(
                        "oasst-quickstart: --rounds must be a positive number, got 0",
                        "oasst-quickstart: --faults must be a rate from 0 to 1, got 1.5",
                        "oasst-quickstart: --duration must be a positive duration such as 90s, 10m, 1h or PT10M, got soon",
                        "oasst-quickstart: --seed goes with --faults",
                        "oasst-quickstart: --rounds needs a value",
                        "oasst-quickstart: unknown argument: --verbose",
                        "oasst-quickstart: --faults and --embedded apply to the embedded backend only; unset"
                                + " OASST_BACKEND_URL to use them",
                        "oasst-quickstart: --embedded must be 2023-01 or 2023-05, got 2023-03");
        assertThat(lines(err(), "usage: java -jar oasst-quickstart.jar")).isEqualTo(7);
        assertThat(out()).isEmpty();
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(out()).startsWith("usage: java -jar oasst-quickstart.jar").contains("--rounds N", "Exit status: 0");
    }

    @Test
    void durationsAreReadInTheirUsualForms() {
        assertThat(Options.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Options.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Options.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Options.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Options.duration("PT2M30S")).isEqualTo(Duration.ofSeconds(150));
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
