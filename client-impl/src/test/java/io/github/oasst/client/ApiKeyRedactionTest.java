package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import feign.Logger;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API key is sent, and written nowhere: no log line at any Feign level, no message, no toString. */
@org.junit.jupiter.api.parallel.Isolated("captures every log line of the client's loggers")
class ApiKeyRedactionTest {
    private static final String KEY = "sk-oasst-7f3c9a1e5b";

    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private static void stubEverything() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("tasks: type=initial_prompt").responseText())));
        backend.stubFor(post(urlPathMatching("/api/v1/tasks/.*/ack"))
                .willReturn(aResponse().withStatus(204)));
        backend.stubFor(post(urlPathMatching("/api/v1/tasks/.*/nack"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("wrong API key").responseText())));
        backend.stubFor(post("/api/v1/tasks/interaction")
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("interaction with blank text").responseText())));
        backend.stubFor(post("/api/v1/tasks/close").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private static final UUID TASK_ID = UUID.fromString("4b2b9f0e-5f55-4c2e-8d6f-0b1f2f3e4d5c");

    /** Every operation, with answers of each kind; what callers can see of the outcomes. */
    private static List<String> playEverything(OasstClient client) {
        List<String> texts = new ArrayList<>();
        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        client.ackTask(TASK_ID, "fe-1");
        texts.add(describe(catchThrowable(() -> client.nackTask(TASK_ID, "no"))));
        texts.add(describe(catchThrowable(() -> client.postInteraction(TextReplyToMessage.of(USER, "m", "u", "x")))));
        texts.add(describe(catchThrowable(() -> client.closeTask("fe-1"))));
        texts.add(client.toString());
        texts.add(client.tasksApi().toString());
        return texts;
    }

    private static OasstClient client(Logger.Level level) {
        return TestSupport.clientOf(backend)
                .apiKey(KEY)
                .logLevel(level)
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(java.time.Duration.ZERO)
                        .maxBackoff(java.time.Duration.ZERO)
                        .build())
                .build();
    }

    /** What the server received, in order: method, URL, headers but Host, body. */
    private static List<String> journal() {
        List<String> requests = new ArrayList<>();
        for (LoggedRequest request : backend.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList()) {
            java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.getHeaders().all().stream()
                    .filter(header -> !header.key().equalsIgnoreCase("Host"))
                    .forEach(header -> headers.put(header.key(), header.values()));
            requests.add(
                    request.getMethod() + " " + request.getUrl() + " " + headers + " " + request.getBodyAsString());
        }
        return requests;
    }

    @ParameterizedTest
    @EnumSource(Logger.Level.class)
    void everyLogLevelSendsTheSameRequestsAndGetsTheSameOutcomes(Logger.Level level) {
        stubEverything();
        List<String> silentOutcomes;
        try (OasstClient silent = client(Logger.Level.NONE)) {
            silentOutcomes = playEverything(silent);
        }
        List<String> silentRequests = journal();
        backend.resetRequests();

        List<String> loggedOutcomes;
        try (LogCapture logs = new LogCapture();
                OasstClient logged = client(level)) {
            loggedOutcomes = playEverything(logged);
            if (level != Logger.Level.NONE) {
                assertThat(logs.lines()).as("the wire log is on").isNotEmpty();
            }
        }

        assertThat(journal()).hasSize(silentRequests.size()).isEqualTo(silentRequests);
        assertThat(loggedOutcomes).isEqualTo(silentOutcomes);
    }

    @ParameterizedTest
    @EnumSource(Logger.Level.class)
    void theKeyIsInNoLogLineAndNoExceptionAtAnyLevel(Logger.Level level) {
        stubEverything();
        List<String> texts;
        List<String> lines;
        try (LogCapture logs = new LogCapture();
                OasstClient client = client(level)) {
            texts = playEverything(client);
            lines = logs.lines();
        }

        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/")).withHeader("X-API-Key", equalTo(KEY)));
        assertThat(texts).noneMatch(text -> text.contains(KEY));
        assertThat(lines).noneMatch(line -> line.contains(KEY));
        // the capture works: the levels that log headers do log the others
        if (level.compareTo(Logger.Level.HEADERS) >= 0) {
            assertThat(lines).anyMatch(line -> line.contains("Content-Type: application/json"));
            assertThat(lines).noneMatch(line -> line.toLowerCase().contains("x-api-key"));
        }
        if (level == Logger.Level.FULL) {
            assertThat(lines).anyMatch(line -> line.contains("\"type\":\"initial_prompt\""));
        }
        if (level == Logger.Level.NONE) {
            assertThat(lines).noneMatch(line -> line.startsWith("[OasstTasksApi#"));
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" / ").append(cause);
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            text.append(" / ").append(suppressed);
        }
        return text.toString();
    }

    @Test
    void componentsAndBuildersRedactTheKey() {
        OasstClientBuilder builder =
                OasstClient.builder().baseUrl("https://oasst.example").apiKey(KEY);

        assertThat(builder.toString()).doesNotContain(KEY).contains("apiKey=<redacted>");
        assertThat(OasstFeign.apiKeyInterceptor(KEY).toString()).doesNotContain(KEY);
        try (OasstClient client = builder.build()) {
            assertThat(client.toString()).isEqualTo("OasstClient[baseUrl=https://oasst.example, apiKey=<redacted>]");
        }
    }
}
