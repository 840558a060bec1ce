package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.oasst.client.TestSupport.USER;
import static io.github.oasst.client.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextReplyToMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Asynchronous calls: OkHttp's own, cancellable, bounded in threads, refused once the client is closed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncCallsTest {
    private static final UUID TASK_ID = UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10");
    private static final String TASK =
            "{\"hint\":\"Ask about tides.\",\"id\":\"7ce89c86-ed37-49b8-b32d-b97ccea394e9\",\"type\":\"initial_prompt\"}";

    @RegisterExtension
    static WireMockExtension backend = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
            .build();

    private final List<OasstClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(OasstClient::close);
    }

    private OasstClient client(OasstClientBuilder builder) {
        OasstClient client = builder.build();
        clients.add(client);
        return client;
    }

    private static OasstClientBuilder builder() {
        return OasstClient.builder().baseUrl(backend.baseUrl()).apiKey(TestSupport.API_KEY);
    }

    private static int requests(String path) {
        return backend.findAll(postRequestedFor(urlEqualTo(path))).size();
    }

    /** Every asynchronous method of the facade, by name. */
    private static Map<String, Function<OasstClient, CompletableFuture<?>>> facadeCalls() {
        Map<String, Function<OasstClient, CompletableFuture<?>>> calls = new LinkedHashMap<>();
        calls.put("fetchTaskAsync", c -> c.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER));
        calls.put("fetchRandomTaskAsync", c -> c.fetchRandomTaskAsync(USER));
        calls.put("ackTaskAsync", c -> c.ackTaskAsync(TASK_ID, "fe-1"));
        calls.put("nackTaskAsync", c -> c.nackTaskAsync(TASK_ID, "no"));
        calls.put("postInteractionAsync", c -> c.postInteractionAsync(TextReplyToMessage.of(USER, "fe-1", "u", "Hi")));
        calls.put("closeTaskAsync", c -> c.closeTaskAsync("fe-1"));
        calls.put("taskAvailabilityAsync", c -> c.taskAvailabilityAsync(USER, null));
        return calls;
    }

    @Test
    void everyAsyncMethodFailsWithTheExceptionTheBlockingOneThrows() throws Exception {
        backend.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error_code\":2100,\"message\":\"Task not found\"}")));
        OasstClient client = client(builder());

        for (Map.Entry<String, Function<OasstClient, CompletableFuture<?>>> call :
                facadeCalls().entrySet()) {
            AtomicReference<Throwable> seen = new AtomicReference<>();
            call.getValue()
                    .apply(client)
                    .handle((value, failure) -> {
                        seen.set(failure);
                        return null;
                    })
                    .get(10, TimeUnit.SECONDS);

            assertThat(seen.get())
                    .as(call.getKey())
                    .isInstanceOfSatisfying(
                            OasstError.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void cancellingACallInFlightCancelsItsExchange() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withFixedDelay(10_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(TASK)));
        OasstClient client = client(builder());
        okhttp3.OkHttpClient http = client.ownedHttpClient();

        CompletableFuture<?> call = client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER);
        await(() -> requests("/api/v1/tasks/") == 1);
        assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);
        call.cancel(true);

        assertThat(call).isCancelled();
        await(() -> http.dispatcher().runningCallsCount() == 0);
        assertThat(requests("/api/v1/tasks/")).as("no retry after the cancel").isEqualTo(1);
    }

    @Test
    void cancellingACallWaitingToRetrySendsNothingMore() {
        backend.stubFor(post("/api/v1/tasks/")
                .inScenario("retry")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("ok"));
        backend.stubFor(post("/api/v1/tasks/")
                .inScenario("retry")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(TASK)));
        TestSupport.HeldScheduler scheduler = new TestSupport.HeldScheduler();
        OasstClient client = client(builder().scheduler(scheduler));

        CompletableFuture<?> call = client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER);
        await(() -> scheduler.waiting() == 1);
        call.cancel(true);
        scheduler.endWaits();

        assertThat(call).isCancelled();
        assertThat(requests("/api/v1/tasks/")).isEqualTo(1);
    }

    @Test
    void afterCloseEveryCallFailsAtOnceAndSendsNothing() {
        OasstClient client = client(builder());
        OasstTasksApi api = client.tasksApi();
        OasstTasksAsyncApi asyncApi = client.tasksAsyncApi();
        client.close();
        TaskRequest request = TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER);
        TextReplyToMessage reply = TextReplyToMessage.of(USER, "fe-1", "u", "Hi");

        List<Runnable> calls = new ArrayList<>();
        calls.add(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));
        calls.add(() -> client.fetchRandomTask(USER));
        calls.add(() -> client.ackTask(TASK_ID, "fe-1"));
        calls.add(() -> client.nackTask(TASK_ID, "no"));
        calls.add(() -> client.postInteraction(reply));
        calls.add(() -> client.closeTask("fe-1"));
        calls.add(() -> client.taskAvailability(USER, null));
        facadeCalls().values().forEach(call -> calls.add(() -> call.apply(client)));
        calls.add(() -> api.requestTask(request));
        calls.add(() -> api.ackTask(TASK_ID, new TaskAck("fe-1")));
        calls.add(() -> api.nackTask(TASK_ID, new TaskNAck("no")));
        calls.add(() -> api.postInteraction(reply));
        calls.add(() -> api.closeTask(new TaskClose("fe-1")));
        calls.add(() -> api.taskAvailability(null, USER));
        calls.add(() -> asyncApi.requestTask(request));
        calls.add(() -> asyncApi.ackTask(TASK_ID, new TaskAck("fe-1")));
        calls.add(() -> asyncApi.nackTask(TASK_ID, new TaskNAck("no")));
        calls.add(() -> asyncApi.postInteraction(reply));
        calls.add(() -> asyncApi.closeTask(new TaskClose("fe-1")));
        calls.add(() -> asyncApi.taskAvailability(null, USER));

        assertThat(calls).hasSize(26);
        for (Runnable call : calls) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the OASST client is closed");
        }
        assertThat(backend.findAll(postRequestedFor(urlMatching(".*")))).isEmpty();
    }

    @Test
    void aThousandCallsAtOnceAllCompleteOnABoundedNumberOfThreads() throws Exception {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withFixedDelay(20)
                        .withHeader("Content-Type", "application/json")
                        .withBody(TASK)));
        OasstClient client = client(builder());
        int before = clientThreads();

        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            calls.add(client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER));
        }
        int peak = 0;
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
        while (!all.isDone()) {
            peak = Math.max(peak, clientThreads());
            Thread.sleep(5);
        }
        all.get();

        assertThat(requests("/api/v1/tasks/")).isEqualTo(1_000);
        // OkHttp runs at most DEFAULT_MAX_REQUESTS calls at once, each on a thread of its cached pool;
        // a finished call's thread hands the next call over before it is idle again, so the pool can
        // briefly hold up to twice as many threads: a bound, but not one thread per call
        assertThat(peak - before)
                .as("OkHttp's threads and the client's scheduler, for 1,000 calls")
                .isLessThanOrEqualTo(2 * OasstClient.DEFAULT_MAX_REQUESTS + 4);
    }

    /** Threads of OkHttp and of the client. */
    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("OkHttp") || t.getName().startsWith("oasst-"))
                .count();
    }
}
