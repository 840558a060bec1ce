package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.github.oasst.client.TestSupport.API_KEY;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextReplyToMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
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
 * operation and every kind of answer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportEquivalenceTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private static final UUID TASK_ID = UUID.fromString("746216f8-9715-4061-8a35-22cb7618b588");
    private static final String TASK = "{\"id\":\"" + TASK_ID + "\",\"type\":\"initial_prompt\",\"hint\":\"Café\"}";
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

    /**
     * A Feign client of the interface built from Feign's own modules: feign-okhttp's client on a
     * hardened copy of the given OkHttp client, feign-jackson's encoder with the same ObjectMapper
     * settings, the given options; the client's decoders, interceptors and capability.
     */
    private static OasstTasksApi stock(okhttp3.OkHttpClient http, String baseUrl, Request.Options options) {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        okhttp3.OkHttpClient hardened = http.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        return Feign.builder()
                .client(new feign.okhttp.OkHttpClient(hardened))
                .options(new Request.Options(
                        options.connectTimeoutMillis(),
                        TimeUnit.MILLISECONDS,
                        options.readTimeoutMillis(),
                        TimeUnit.MILLISECONDS,
                        false))
                .encoder(new JacksonEncoder(mapper))
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .requestInterceptor(OasstFeign.apiKeyInterceptor(API_KEY))
                .requestInterceptor(OasstFeign.userAgentInterceptor("equivalence-test/1"))
                .retryer(Retryer.NEVER_RETRY)
                .addCapability(OasstFeign.capability())
                .target(OasstTasksApi.class, baseUrl);
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
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

    static Stream<Arguments> slowAnswers() {
        return Stream.of(
                Arguments.of("slow headers", json(200, TASK).withFixedDelay(3_000)),
                Arguments.of("slow body", json(200, TASK).withChunkedDribbleDelay(10, 3_000)),
                Arguments.of(
                        "slow error body",
                        json(500, "{\"message\":\"INTERNAL_SERVER_ERROR\",\"error_code\":0}")
                                .withChunkedDribbleDelay(10, 3_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slowAnswers")
    void theCallTimeoutEndsBothTransportsAlike(String name, ResponseDefinitionBuilder answer) {
        backend.stubFor(any(anyUrl()).willReturn(answer));
        Duration timeout = Duration.ofMillis(300);
        try (OasstClient slow =
                TestSupport.clientOf(backend).callTimeout(timeout).build()) {
            OasstTasksApi timedStock = stock(
                    new okhttp3.OkHttpClient.Builder().callTimeout(timeout).build(),
                    slow.baseUrl(),
                    new Request.Options());
            ApiCall fetch = api -> api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));

            String viaOurs = outcome(fetch, slow.tasksApi());
            String viaStock = outcome(fetch, timedStock);

            assertThat(viaOurs).isEqualTo(viaStock).contains("InterruptedIOException");
            assertThat(catchThrowable(() -> fetch.call(slow.tasksApi())))
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CALL_TIMEOUT));
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

    /**
     * A body that stops halfway: the headers and the start of the body come at once, the rest
     * never (WireMock's dribbling holds the headers back too).
     */
    @ParameterizedTest(name = "status {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {200, 500})
    void aBodyCutShortByTheCallTimeoutFailsBothTransportsAlike(int status) throws Exception {
        Duration timeout = Duration.ofMillis(300);
        try (java.net.ServerSocket stalling =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> stall(stalling, status));
            server.setDaemon(true);
            server.start();
            String baseUrl = "http://127.0.0.1:" + stalling.getLocalPort();
            try (OasstClient slow = OasstClient.builder()
                    .baseUrl(baseUrl)
                    .apiKey(API_KEY)
                    .retryPolicy(RetryPolicy.disabled())
                    .callTimeout(timeout)
                    .build()) {
                OasstTasksApi timedStock = stock(
                        new okhttp3.OkHttpClient.Builder().callTimeout(timeout).build(),
                        baseUrl,
                        new Request.Options());
                ApiCall fetch = api -> api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));

                String viaOurs = outcome(fetch, slow.tasksApi());
                String viaStock = outcome(fetch, timedStock);

                assertThat(viaOurs).isEqualTo(viaStock).contains("InterruptedIOException");
            }
        }
    }

    /** Answers each connection's first request with a head and half a body, then waits. */
    private static void stall(java.net.ServerSocket server, int status) {
        while (!server.isClosed()) {
            try {
                java.net.Socket socket = server.accept();
                Thread connection = new Thread(() -> {
                    try (socket) {
                        var in = new java.io.BufferedReader(
                                new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                        String line;
                        while ((line = in.readLine()) != null && !line.isEmpty()) {
                            // the request head; its small body stays unread
                        }
                        socket.getOutputStream()
                                .write(("HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\n"
                                                + "Content-Length: 200\r\n\r\n{\"id\":\"" + TASK_ID + "\",")
                                        .getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                        Thread.sleep(3_000);
                    } catch (java.io.IOException | InterruptedException e) {
                        // the client gave up
                    }
                });
                connection.setDaemon(true);
                connection.start();
            } catch (java.io.IOException e) {
                return; // closed
            }
        }
    }

    private interface ApiCall {
        Object call(OasstTasksApi api);
    }

    /** The value, or the exception with everything that callers can see of it. */
    /**
     * The value, or the exception with everything that callers can see of it; of a transport
     * failure its failure class and cause, not its kind and message: only the client's transport
     * knows whether the request had gone out, Feign's stock client says {@code IO_ERROR} for any I/O
     * failure ({@link #transportFailuresAreTheClientsAndMorePrecise} checks the kinds).
     */
    private static String outcome(ApiCall call, OasstTasksApi api) {
        try {
            return "value: " + call.call(api);
        } catch (OasstTransportException e) {
            return "OasstTransportException | " + e.failureClass() + " | cause "
                    + (e.getCause() == null ? null : e.getCause().getClass());
        } catch (OasstException e) {
            // the note of the client's retries (stock Feign has none): what the call may have done
            String message = e.getMessage().replace("; " + e.note().orElse("\u0000"), "");
            StringBuilder text = new StringBuilder(e.getClass().getSimpleName())
                    .append(": ")
                    .append(message)
                    .append(" | ")
                    .append(e.failureClass());
            if (e instanceof OasstError error) {
                text.append(" | status ")
                        .append(error.status())
                        .append(" | code ")
                        .append(error.errorCode())
                        .append(" | retry after ")
                        .append(error.retryAfter())
                        .append(" | validation ")
                        .append(error.validationErrors());
            }
            text.append(" | cause ")
                    .append(e.getCause() == null ? null : e.getCause().getClass());
            return text.toString();
        } catch (RuntimeException e) {
            return "unexpected " + e;
        }
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = backend.findAll(postRequestedFor(urlMatching(".*")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
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
