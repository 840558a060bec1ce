package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What servers and proxies really send back: each answer gives a typed exception with a useful
 * message, or decodes; nothing hangs and no connection is left in use.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BadResponseTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private static final String TASK =
            "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"initial_prompt\",\"hint\":\"Café\"}";
    private static final String HTML = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

    private static OkHttpClient http;
    private static OasstClient client;

    @BeforeAll
    static void setUp() {
        http = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
        client = TestSupport.clientOf(backend).okHttpClient(http).build();
    }

    @AfterAll
    static void tearDown() {
        client.close();
        http.connectionPool().evictAll();
    }

    @AfterEach
    void noConnectionIsLeftInUse() {
        assertThat(http.connectionPool().connectionCount())
                .as("connections in use")
                .isEqualTo(http.connectionPool().idleConnectionCount());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static Stream<Arguments> badAnswers() {
        String big = "<html>" + "x".repeat(10 * 1024 * 1024) + "</html>";
        return Stream.of(
                Arguments.of(
                        "HTML page with 200",
                        aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html")
                                .withBody(HTML),
                        expect(
                                OasstDecodeException.class,
                                "200 response could not be decoded: not valid JSON for a Task",
                                "(Content-Type text/html)",
                                "body starts: <html><head><title>502 Bad Gateway")),
                Arguments.of(
                        "HTML page with 502",
                        aResponse()
                                .withStatus(502)
                                .withHeader("Content-Type", "text/html")
                                .withBody(HTML),
                        expect(
                                OasstError.class,
                                "502 Bad Gateway: non-JSON body (text/html): <html><head><title>502 Bad Gateway")),
                Arguments.of(
                        "HTML page with 504",
                        aResponse()
                                .withStatus(504)
                                .withHeader("Content-Type", "text/html")
                                .withBody(HTML),
                        expect(OasstError.class, "504 Gateway Timeout: non-JSON body (text/html)")),
                Arguments.of(
                        "empty 200",
                        aResponse().withStatus(200).withHeader("Content-Type", "application/json"),
                        expect(OasstDecodeException.class, "200 response could not be decoded: empty body")),
                Arguments.of(
                        "empty chunked 200",
                        aResponse()
                                .withStatus(200)
                                .withChunkedDribbleDelay(1, 1)
                                .withBody(""),
                        expect(OasstDecodeException.class, "empty body")),
                Arguments.of(
                        "truncated JSON",
                        json(200, TASK.substring(0, 40)),
                        expect(OasstDecodeException.class, "not valid JSON for a Task: Unexpected end-of-input")),
                Arguments.of("JSON array", json(200, "[1,2,3]"), expect(OasstDecodeException.class, "not a Task")),
                Arguments.of(
                        "JSON of another shape",
                        json(200, "{\"tasks\":[]}"),
                        expect(OasstDecodeException.class, "not a Task", "task type must not be null")),
                Arguments.of("JSON null", json(200, "null"), expect(OasstDecodeException.class, "body is JSON null")),
                Arguments.of(
                        "a task followed by garbage",
                        json(200, TASK + "}}"),
                        expect(OasstDecodeException.class, "not valid JSON for a Task")),
                Arguments.of(
                        "10 MB error page",
                        aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "text/html")
                                .withBody(big),
                        expect(
                                OasstError.class,
                                "500 Internal Server Error: non-JSON body (text/html)",
                                "body longer than 64 KiB, only its start was read")),
                Arguments.of(
                        "10 MB 200 body",
                        json(200, "{\"type\":\"initial_prompt\",\"hint\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"),
                        expect(OasstDecodeException.class, "body too large")),
                Arguments.of(
                        "unknown error_code",
                        json(400, "{\"error_code\":7777,\"message\":\"Something new\"}"),
                        expect(OasstError.class, "400 error_code 7777: Something new")),
                Arguments.of(
                        "error body of another shape",
                        json(500, "{\"oops\":true}"),
                        expect(
                                OasstError.class,
                                "500 Internal Server Error: unexpected JSON body (application/json): {\"oops\":true}")),
                Arguments.of(
                        "redirect",
                        aResponse().withStatus(301).withHeader("Location", "https://elsewhere.example/api/v1/tasks/"),
                        expect(
                                OasstError.class,
                                "301 Moved Permanently: redirect to https://elsewhere.example/api/v1/tasks/ not followed")),
                Arguments.of(
                        "reset after headers",
                        aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                        expect(
                                OasstTransportException.class,
                                "response truncated (request may have reached the server)")));
    }

    private static Consumer<Throwable> expect(Class<? extends Throwable> type, String... fragments) {
        return failure -> {
            assertThat(failure).isInstanceOf(type);
            assertThat(failure.getMessage()).contains(fragments).endsWith("(POST /api/v1/tasks/)");
            if (failure instanceof OasstError error) {
                assertThat(error.bodyExcerpt().length()).isLessThanOrEqualTo(OasstError.MAX_BODY_EXCERPT);
                assertThat(error.getMessage().length()).isLessThan(1000);
            }
            if (failure instanceof OasstDecodeException decode) {
                assertThat(decode.failureClass()).isEqualTo(FailureClass.DEFINITE);
                assertThat(decode.bodyExcerpt().length()).isLessThanOrEqualTo(OasstError.MAX_BODY_EXCERPT);
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void eachBadAnswerGivesATypedExceptionThatSaysWhatHappened(
            String name, ResponseDefinitionBuilder answer, Consumer<Throwable> expectation) {
        backend.stubFor(post("/api/v1/tasks/").willReturn(answer));

        Throwable failure = catchThrowable(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

        expectation.accept(failure);
        backend.verify(1, postRequestedFor(urlEqualTo("/api/v1/tasks/")));
    }

    @Test
    void aWrongContentTypeWithAValidBodyStillDecodes() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(TASK)));

        assertThat(client.fetchTask(TaskKind.INITIAL_PROMPT, USER).hint()).isEqualTo("Café");
    }

    @Test
    void aBodyInALatin1CharsetDecodesInThatCharset() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=ISO-8859-1")
                        .withBody(TASK.getBytes(StandardCharsets.ISO_8859_1))));

        InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(task.hint()).isEqualTo("Café");
    }

    @Test
    void anErrorBodyInALatin1CharsetKeepsItsText() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json; charset=ISO-8859-1")
                        .withBody("{\"error_code\":1000,\"message\":\"Requête invalide\"}"
                                .getBytes(StandardCharsets.ISO_8859_1))));

        Throwable failure = catchThrowable(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        OasstError.class,
                        error -> assertThat(error.serverMessage()).isEqualTo("Requête invalide"));
        assertThat(List.of(failure.getMessage())).allMatch(m -> m.contains("TASK_INVALID_REQUEST_TYPE"));
    }
}
