package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@org.junit.jupiter.api.parallel.Isolated("captures every log line of the client's loggers")
class BuilderTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    @Test
    void buildRequiresBaseUrlAndKeyAndSaysWhere() {
        assertThatThrownBy(() -> OasstClient.builder().apiKey("k").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "the base URL is missing: call baseUrl(...), or set OASST_BACKEND_URL and call fromEnvironment()");
        assertThatThrownBy(() ->
                        OasstClient.builder().baseUrl("http://127.0.0.1:1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "the API key is missing: call apiKey(...), or set OASST_API_KEY and call fromEnvironment()");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://host",
                "localhost:8080",
                "http://",
                "http://host/?api_key=x",
                "http://host/#f",
                "not a url"
            })
    void invalidBaseUrlsAreRefusedAtOnce(String url) {
        assertThatThrownBy(() -> OasstClient.builder().baseUrl(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsInTheBaseUrlAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> OasstClient.builder().baseUrl("https://user:hunter2@oasst.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl must not contain credentials");
    }

    @Test
    void trailingSlashesAreDropped() {
        assertThat(BaseUrls.normalize("https://oasst.example/prefix//")).isEqualTo("https://oasst.example/prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\r\nX-Injected: 1", "abc\ndef", "tab\tkey", "ключ", " padded", ""})
    void keysThatCouldInjectOrBreakAHeaderAreRefusedWithoutRepeatingThem(String key) {
        assertThatThrownBy(() -> OasstClient.builder().apiKey(key))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!key.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(key.strip());
                    }
                });
    }

    @Test
    void userAgentsWithLineBreaksAreRefused() {
        assertThatThrownBy(() -> OasstClient.builder().userAgent("bot/1\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void theUserAgentNamesTheCallerAndTheClient() {
        stubTask();
        try (OasstClient client =
                TestSupport.clientOf(backend).userAgent("my-bot/1.2").build()) {
            client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        }
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/"))
                .withHeader(
                        "User-Agent",
                        matching("my-bot/1\\.2 oasst-java-client/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\d+\\)")));
    }

    @Test
    void configurationComesFromTheEnvironment() {
        OasstClientBuilder builder = OasstClient.builder()
                .fromEnvironment(Map.of("OASST_BACKEND_URL", backend.baseUrl() + "/", "OASST_API_KEY", "env-key"));
        stubTask();

        try (OasstClient client = builder.retryPolicy(RetryPolicy.disabled()).build()) {
            assertThat(client.baseUrl()).isEqualTo(backend.baseUrl());
            client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        }
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/")).withHeader("X-API-Key", matching("env-key")));
    }

    @Test
    void blankEnvironmentValuesAreIgnored() {
        assertThatThrownBy(() -> OasstClient.builder()
                        .fromEnvironment(Map.of("OASST_BACKEND_URL", " ", "OASST_API_KEY", "k"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the base URL is missing");
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackLogsOneWarning() {
        try (LogCapture logs = new LogCapture()) {
            OasstClient.builder()
                    .baseUrl("http://oasst.example")
                    .apiKey("k")
                    .build()
                    .close();
            OasstClient.builder()
                    .baseUrl("http://127.0.0.1:8080")
                    .apiKey("k")
                    .build()
                    .close();
            OasstClient.builder()
                    .baseUrl("http://localhost:8080")
                    .apiKey("k")
                    .build()
                    .close();
            OasstClient.builder()
                    .baseUrl("http://[::1]:8080")
                    .apiKey("k")
                    .build()
                    .close();
            OasstClient.builder()
                    .baseUrl("https://oasst.example")
                    .apiKey("k")
                    .build()
                    .close();

            assertThat(logs.events())
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .isEqualTo(
                                    "The OASST backend URL http://oasst.example uses plain http to a host that is not"
                                            + " loopback: the API key travels unencrypted"));
        }
    }

    @Test
    void closeReleasesTheOwnedHttpClientAndThenRefusesCalls() {
        stubTask();
        OasstClient client = TestSupport.clientOf(backend).build();
        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        OkHttpClient owned = client.ownedHttpClient();
        assertThat(owned).isNotNull();
        assertThat(owned.connectionPool().connectionCount()).isEqualTo(1);

        client.close();
        client.close();

        assertThat(owned.dispatcher().executorService().isShutdown()).isTrue();
        assertThat(owned.connectionPool().connectionCount()).isZero();
        assertThatThrownBy(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the OASST client is closed");
        assertThatThrownBy(() -> client.ackTaskAsync(UUID.randomUUID(), "m")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.tasksApi().requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(backend.findAll(postRequestedFor(urlEqualTo("/api/v1/tasks/"))))
                .hasSize(1);
    }

    @Test
    void closeLeavesTheCallersHttpClientAndSchedulerAlone() throws Exception {
        OkHttpClient http = new OkHttpClient();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        stubTask();
        try {
            OasstClient client = TestSupport.clientOf(backend)
                    .okHttpClient(http)
                    .scheduler(scheduler)
                    .build();
            client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER).get();
            client.close();

            assertThat(client.ownedHttpClient()).isNull();
            assertThat(http.dispatcher().executorService().isShutdown()).isFalse();
            assertThat(scheduler.isShutdown()).isFalse();
            assertThat(http.connectionPool().connectionCount()).isEqualTo(1);
            try (OasstClient again =
                    TestSupport.clientOf(backend).okHttpClient(http).build()) {
                again.fetchTask(TaskKind.INITIAL_PROMPT, USER);
            }
        } finally {
            scheduler.shutdown();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void theCallTimeoutIsSixtySecondsUnlessSetAndZeroTurnsItOff() {
        OasstClientBuilder builder =
                OasstClient.builder().baseUrl(backend.baseUrl()).apiKey("k");
        assertThat(builder.httpClient().callTimeoutMillis()).isEqualTo(60_000);

        assertThat(builder.callTimeout(Duration.ofSeconds(5)).httpClient().callTimeoutMillis())
                .isEqualTo(5_000);
        assertThat(builder.callTimeout(Duration.ZERO).httpClient().callTimeoutMillis())
                .isZero();
        assertThatThrownBy(() -> builder.callTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callTimeout must be positive, got PT-1S");

        stubTask();
        try (OasstClient client = builder.build()) {
            assertThat(client.fetchTask(TaskKind.INITIAL_PROMPT, USER)).isNotNull();
        }
    }

    @Test
    void aCallersHttpClientIsUsedWithoutRedirectsOrSilentRetries() {
        OkHttpClient http = new OkHttpClient();
        OkHttpClient hardened = io.github.oasst.client.internal.http.OkHttpClients.harden(http);

        assertThat(hardened.followRedirects()).isFalse();
        assertThat(hardened.retryOnConnectionFailure()).isFalse();
        assertThat(hardened.connectionPool()).isSameAs(http.connectionPool());
        assertThat(http.followRedirects()).isTrue();
    }

    @Test
    void closeEndsTheAsyncCallsInFlight() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withFixedDelay(5_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("tasks: type=initial_prompt").responseText())));
        OasstClient client = TestSupport.clientOf(backend).build();
        CompletableFuture<?> running = client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER);
        TestSupport.await(() ->
                !backend.findAll(postRequestedFor(urlEqualTo("/api/v1/tasks/"))).isEmpty());

        client.close();

        assertThat(running)
                .as("ended promptly by the client's closing: its exchange cancelled, not waited for")
                .failsWithin(java.time.Duration.ofSeconds(2))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class)
                .withMessageContaining("the OASST client is closed");
        assertThatThrownBy(() -> client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void stubTask() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("tasks: type=initial_prompt").responseText())));
    }
}
