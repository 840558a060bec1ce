package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.oasst.client.TestSupport.USER;
import static io.github.oasst.client.TestSupport.json;
import static io.github.oasst.client.TransportEquivalenceSupport.TASK;
import static io.github.oasst.client.TransportEquivalenceSupport.TASK_ID;
import static io.github.oasst.client.TransportEquivalenceSupport.outcome;
import static io.github.oasst.client.TransportEquivalenceSupport.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import feign.Request;
import io.github.oasst.client.TransportEquivalenceSupport.ApiCall;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextReplyToMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's Feign path (its own {@code feign.Client} on OkHttp, encoder and options) and a Feign
 * client of the same interface on Feign's stock OkHttp client, feign-jackson's encoder and default
 * options send the same requests and give the same results and the same exceptions, for every
 * operation and every kind of answer; the client's transport failures are more precise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportEquivalenceTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private static final String DONE = "{\"id\":\"" + TASK_ID + "\",\"type\":\"task_done\"}";

    private static OasstClient client;
    private static OasstTasksApi ours;
    private static OasstTasksApi stock;

    @BeforeAll
    static void setUp() {
        client = TestSupport.clientOf(backend).userAgent("equivalence-test/1").build();
        ours = client.tasksApi();
        stock = stock(new okhttp3.OkHttpClient(), client.baseUrl(), new Request.Options());
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("a task", json(200, TASK)),
                Arguments.of("task_done", json(200, DONE)),
                Arguments.of("availability", json(200, "{\"random\":3,\"initial_prompt\":1}")),
                Arguments.of("204", aResponse().withStatus(204)),
                Arguments.of("OASST error", json(400, "{\"message\":\"Task already updated.\",\"error_code\":2103}")),
                Arguments.of(
                        "422 details",
                        json(
                                422,
                                "{\"detail\":[{\"loc\":[\"body\",\"type\"],\"msg\":\"field required\","
                                        + "\"type\":\"value_error.missing\"}]}")),
                Arguments.of(
                        "429 with the wait in the message",
                        json(429, "{\"message\":\"Too Many Requests. Retry After 2 seconds.\",\"error_code\":0}")),
                Arguments.of(
                        "503 with Retry-After",
                        aResponse()
                                .withStatus(503)
                                .withHeader("Retry-After", "7")
                                .withHeader("Content-Type", "text/html")
                                .withBody("<html><body>down</body></html>")),
                Arguments.of(
                        "307 redirect",
                        aResponse().withStatus(307).withHeader("Location", "http://elsewhere.example/x?api_key=k")),
                Arguments.of("500 without body", aResponse().withStatus(500)),
                Arguments.of("200 without body", aResponse().withStatus(200)),
                Arguments.of("JSON null", json(200, "null")),
                Arguments.of("not JSON", json(200, "<html>maintenance</html>")),
                Arguments.of("wrong shape", json(200, "[1, 2]")),
                Arguments.of("cut short", json(200, "{\"id\":\"" + TASK_ID + "\",\"type\":")),
                Arguments.of(
                        "Latin-1",
                        aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json; charset=ISO-8859-1")
                                .withBody(TASK.getBytes(StandardCharsets.ISO_8859_1))),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of("garbage", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theClientsTransportSendsWhatFeignsStockOneSendsAndAgreesOnTheOutcome(
            String name, ResponseDefinitionBuilder answer) {
        backend.stubFor(any(anyUrl()).willReturn(answer));
        TextReplyToMessage reply = TextReplyToMessage.of(USER, "fe-1", "fe-user-1", "Hello");
        Map<String, ApiCall> calls = new LinkedHashMap<>();
        calls.put("requestTask", api -> api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER)));
        calls.put("ackTask", api -> {
            api.ackTask(TASK_ID, new TaskAck("fe-1"));
            return "done";
        });
        calls.put("nackTask", api -> {
            api.nackTask(TASK_ID, new TaskNAck("not shown"));
            return "done";
        });
        calls.put("postInteraction", api -> {
            api.postInteraction(reply);
            return "done";
        });
        calls.put("closeTask", api -> {
            api.closeTask(new TaskClose("fe-1"));
            return "done";
        });
        calls.put("taskAvailability", api -> api.taskAvailability(null, USER));
        calls.put("taskAvailability(lang)", api -> api.taskAvailability("pt-BR", USER));
        for (Map.Entry<String, ApiCall> call : calls.entrySet()) {
            backend.resetRequests();
            String viaStock = outcome(call.getValue(), stock);
            LoggedRequest stockRequest = onlyRequest();
            backend.resetRequests();
            String viaOurs = outcome(call.getValue(), ours);
            LoggedRequest ourRequest = onlyRequest();

            assertThat(viaOurs).as(call.getKey()).isEqualTo(viaStock);
            assertThat(describe(ourRequest)).as(call.getKey()).isEqualTo(describe(stockRequest));
        }
    }

    @org.junit.jupiter.api.Test
    void transportFailuresAreTheClientsAndMorePrecise() {
        ApiCall fetch = api -> api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));
        Map<Fault, OasstTransportException.Kind> kinds = Map.of(
                Fault.CONNECTION_RESET_BY_PEER, OasstTransportException.Kind.CONNECTION_LOST,
                Fault.EMPTY_RESPONSE, OasstTransportException.Kind.CONNECTION_LOST,
                Fault.RANDOM_DATA_THEN_CLOSE, OasstTransportException.Kind.CONNECTION_LOST);
        for (Map.Entry<Fault, OasstTransportException.Kind> fault : kinds.entrySet()) {
            backend.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault.getKey())));

            assertThat(catchThrowable(() -> fetch.call(ours)))
                    .as(fault.getKey().name())
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(fault.getValue()));
            assertThat(catchThrowable(() -> fetch.call(stock)))
                    .as(fault.getKey().name())
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.IO_ERROR));
        }
    }

    /** The one request the backend has seen. */
    private static LoggedRequest onlyRequest() {
        return TestSupport.onlyRequest(backend);
    }

    /** What the server saw: method, URL, body and headers (but Host, which names the port). */
    private static String describe(LoggedRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (var header : request.getHeaders().all()) {
            if (!header.key().equalsIgnoreCase("Host")) {
                headers.put(header.key(), new ArrayList<>(header.values()));
            }
        }
        return request.getMethod() + " " + request.getUrl() + "\n" + headers + "\n"
                + Objects.requireNonNullElse(request.getBodyAsString(), "");
    }
}
