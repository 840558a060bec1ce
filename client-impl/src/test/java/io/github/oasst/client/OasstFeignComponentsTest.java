package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.oasst.client.TestSupport.API_KEY;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.AsyncFeign;
import feign.Feign;
import feign.Retryer;
import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public Feign components, assembled by hand as an application (Spring, say) does. */
class OasstFeignComponentsTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final UUID TASK_ID = UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10");
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2))
            .build();

    @AfterAll
    static void tearDown() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    private static OasstTasksApi api(feign.Capability capability) {
        return Feign.builder()
                .client(OasstFeign.client(HTTP))
                .options(OasstFeign.options(HTTP))
                .encoder(OasstFeign.encoder())
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .requestInterceptor(OasstFeign.apiKeyInterceptor(API_KEY))
                .requestInterceptor(OasstFeign.userAgentInterceptor("components-test/1"))
                .logger(OasstFeign.logger())
                .retryer(Retryer.NEVER_RETRY)
                .addCapability(capability)
                .target(OasstTasksApi.class, backend.baseUrl());
    }

    private static void answer(String path, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        backend.stubFor(post(path)
                .inScenario(path)
                .whenScenarioStateIs(STARTED)
                .willReturn(first)
                .willSetStateTo("then"));
        backend.stubFor(post(path).inScenario(path).whenScenarioStateIs("then").willReturn(then));
    }

    @Test
    void theComponentsSendTheRequestAndTheCapabilityGivesTypedExceptions() {
        OasstTasksApi api = api(OasstFeign.capability());
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("tasks: type=initial_prompt").responseText())));
        backend.stubFor(post("/api/v1/tasks/availability")
                .willReturn(aResponse().withStatus(200).withBody("<html>")));
        backend.stubFor(
                post("/api/v1/tasks/" + TASK_ID + "/ack").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Task task = api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));

        assertThat(task.type()).isEqualTo("initial_prompt");
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/"))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withHeader(
                        "User-Agent",
                        com.github.tomakehurst.wiremock.client.WireMock.matching(
                                "components-test/1 oasst-java-client/.*")));
        assertThat(catchThrowable(() -> api.taskAvailability(null, USER))).isInstanceOf(OasstDecodeException.class);
        assertThat(catchThrowable(() -> api.ackTask(TASK_ID, new TaskAck("m"))))
                .isInstanceOfSatisfying(
                        OasstTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CONNECTION_LOST));
    }

    /** A client on the backend with the policy: the one whose retries the capability brings. */
    private static OasstClient client(RetryPolicy policy) {
        return OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(API_KEY)
                .retryPolicy(policy)
                .build();
    }

    @Test
    void theClientsCapabilityRetriesAndReconciles() {
        try (OasstClient client = client(FAST)) {
            OasstTasksApi api = api(OasstFeign.capability(client));
            answer(
                    "/api/v1/tasks/" + TASK_ID + "/ack",
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    aResponse()
                            .withStatus(400)
                            .withBody("{\"error_code\":2103,\"message\":\"Task already updated.\"}"));

            api.ackTask(TASK_ID, new TaskAck("fe-1"));

            backend.verify(2, postRequestedFor(urlEqualTo("/api/v1/tasks/" + TASK_ID + "/ack")));
        }
    }

    @Test
    void theClientsCapabilityRunsCallsOfAnInterfaceBuiltElsewhereUnderTheClientsRetries() {
        List<OasstCall> calls = new java.util.ArrayList<>();
        RetryRegistry registry = RetryRegistry.ofDefaults();
        try (OasstClient client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(API_KEY)
                .retryPolicy(FAST)
                .retryRegistry(registry)
                .listener(calls::add)
                .build()) {
            OasstTasksApi api = api(OasstFeign.capability(client));
            answer(
                    "/api/v1/tasks/",
                    aResponse().withStatus(503),
                    aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(Exchanges.named("tasks: type=initial_prompt")
                                    .responseText()));
            answer(
                    "/api/v1/tasks/" + TASK_ID + "/nack",
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    aResponse()
                            .withStatus(400)
                            .withBody("{\"error_code\":2103,\"message\":\"Task already updated.\"}"));

            Task task = api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));
            api.nackTask(TASK_ID, new io.github.oasst.client.protocol.TaskNAck("no"));

            assertThat(task).isNotNull();
            backend.verify(2, postRequestedFor(urlEqualTo("/api/v1/tasks/")));
            backend.verify(2, postRequestedFor(urlEqualTo("/api/v1/tasks/" + TASK_ID + "/nack")));
            assertThat(registry.retry("oasst-fetch-task").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
                    .isEqualTo(1);
            assertThat(calls)
                    .extracting(OasstCall::operation, OasstCall::outcome)
                    .containsExactly(
                            org.assertj.core.api.Assertions.tuple(
                                    OasstOperation.FETCH_TASK, OasstCall.Outcome.SUCCEEDED),
                            org.assertj.core.api.Assertions.tuple(
                                    OasstOperation.NACK_TASK, OasstCall.Outcome.RECONCILED));
        }
    }

    @Test
    void theClientsCapabilityRepeatsAnInteractionOfASafeKindAndReconcilesIt() {
        RetryPolicy safe = FAST.toBuilder()
                .retryAmbiguousInteractions(InteractionKind.SAFE_TO_REPEAT)
                .build();
        try (OasstClient client = client(safe)) {
            OasstTasksApi api = api(OasstFeign.capability(client));
            OasstTasksAsyncApi asyncApi = AsyncFeign.builder()
                    .client(OasstFeign.asyncClient(HTTP))
                    .options(OasstFeign.options(HTTP))
                    .encoder(OasstFeign.encoder())
                    .decoder(OasstFeign.decoder())
                    .errorDecoder(OasstFeign.errorDecoder())
                    .requestInterceptor(OasstFeign.apiKeyInterceptor(API_KEY))
                    .addCapability(OasstFeign.capability(client))
                    .target(OasstTasksAsyncApi.class, backend.baseUrl());
            String done = "{\"error_code\":2105,\"message\":\"Task already done.\"}";
            answer(
                    "/api/v1/tasks/interaction",
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    aResponse().withStatus(400).withBody(done));
            TextReplyToMessage reply = TextReplyToMessage.of(USER, "m", "u", "t");

            api.postInteraction(reply);
            backend.verify(2, postRequestedFor(urlEqualTo("/api/v1/tasks/interaction")));

            backend.resetAll();
            backend.resetScenarios();
            answer(
                    "/api/v1/tasks/interaction",
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    aResponse().withStatus(400).withBody(done));
            assertThat(asyncApi.postInteraction(reply)).succeedsWithin(Duration.ofSeconds(5));
            backend.verify(2, postRequestedFor(urlEqualTo("/api/v1/tasks/interaction")));

            backend.resetAll();
            backend.resetScenarios();
            answer("/api/v1/tasks/interaction", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse());
            TextLabels labels = TextLabels.of(USER, UUID.randomUUID(), "text", Map.of(TextLabel.SPAM, 0.0));
            assertThat(catchThrowable(() -> api.postInteraction(labels)))
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.note())
                                    .contains("may have been stored; not repeated to avoid a duplicate"));
            backend.verify(1, postRequestedFor(urlEqualTo("/api/v1/tasks/interaction")));
        }
    }

    @Test
    void theCapabilityKeepsFeignsDefaultRetryerFromRepeatingAPost() {
        OasstTasksApi api = Feign.builder() // Feign's default Retryer: up to 5 attempts after an I/O failure
                .client(OasstFeign.client(HTTP))
                .encoder(OasstFeign.encoder())
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .addCapability(OasstFeign.capability())
                .target(OasstTasksApi.class, backend.baseUrl());
        backend.stubFor(
                post("/api/v1/tasks/interaction").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(catchThrowable(() -> api.postInteraction(TextReplyToMessage.of(USER, "m", "u", "t"))))
                .isInstanceOf(OasstTransportException.class);
        backend.verify(1, postRequestedFor(urlEqualTo("/api/v1/tasks/interaction")));
    }

    @Test
    void theClientsCapabilityDoesNotRetryAnAmbiguousInteractionByDefault() {
        try (OasstClient client = client(FAST)) {
            OasstTasksApi api = api(OasstFeign.capability(client));
            answer(
                    "/api/v1/tasks/interaction",
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    aResponse().withStatus(200));

            Throwable failure = catchThrowable(() -> api.postInteraction(TextReplyToMessage.of(USER, "m", "u", "t")));

            assertThat(failure).isInstanceOf(OasstTransportException.class);
            backend.verify(1, postRequestedFor(urlEqualTo("/api/v1/tasks/interaction")));
        }
    }
}
