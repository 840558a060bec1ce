package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Request;
import feign.Response;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import io.github.oasst.client.internal.codec.Jackson2Mapping;
import io.github.oasst.client.internal.codec.OasstErrorDecoder;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextReplyToMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded error answer becomes an OasstError with the recorded facts. */
class ErrorDecodingTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private OasstClient client;

    @BeforeEach
    void setUp() {
        client = TestSupport.clientOf(backend).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** The recorded POST errors whose path the client can produce (task ids are UUIDs, the slash is there). */
    static Stream<Exchange> recordedErrors() {
        return Exchanges.errors().stream()
                .filter(e -> e.method().equals("POST"))
                .filter(e -> !e.path().contains("not-a-uuid") && !e.path().equals("/api/v1/tasks"));
    }

    private static String pathOf(Exchange exchange) {
        int query = exchange.path().indexOf('?');
        return query < 0 ? exchange.path() : exchange.path().substring(0, query);
    }

    /** Calls the operation of the exchange's path with valid arguments. */
    private void callOperationOf(String path) {
        OasstTasksApi api = client.tasksApi();
        if (path.equals("/api/v1/tasks/")) {
            api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));
        } else if (path.endsWith("/ack")) {
            api.ackTask(UUID.fromString(path.split("/")[4]), new TaskAck("fe-1"));
        } else if (path.endsWith("/nack")) {
            api.nackTask(UUID.fromString(path.split("/")[4]), new TaskNAck("x"));
        } else if (path.endsWith("/interaction")) {
            api.postInteraction(TextReplyToMessage.of(USER, "fe-1", "u-1", "hi"));
        } else if (path.endsWith("/close")) {
            api.closeTask(new TaskClose("fe-1"));
        } else {
            throw new IllegalArgumentException(path);
        }
    }

    @ParameterizedTest
    @MethodSource("recordedErrors")
    void everyRecordedErrorBecomesAnOasstErrorWithTheRecordedFacts(Exchange exchange) {
        String path = pathOf(exchange);
        backend.stubFor(post(path)
                .willReturn(aResponse()
                        .withStatus(exchange.status())
                        .withHeader("Content-Type", "application/json")
                        .withBody(exchange.responseText())));

        OasstError error = catchThrowableOfType(OasstError.class, () -> callOperationOf(path));

        assertThat(error).as("an OasstError").isNotNull();
        assertThat(error.status()).isEqualTo(exchange.status());
        assertThat(error.method()).isEqualTo("POST");
        assertThat(error.path()).isEqualTo(path);
        String text = exchange.responseText();
        assertThat(error.bodyExcerpt())
                .isEqualTo(text.substring(0, Math.min(text.length(), OasstError.MAX_BODY_EXCERPT)));
        JsonNode json = exchange.responseBody();
        if (json.has("error_code")) {
            assertThat(error.errorCode()).hasValue(json.get("error_code").intValue());
            assertThat(error.knownErrorCode()).isPresent();
            assertThat(error.serverMessage()).isEqualTo(json.get("message").textValue());
            assertThat(error.getMessage())
                    .isEqualTo(exchange.status() + " "
                            + java.util.Arrays.stream(io.github.oasst.client.api.OasstErrorCode.values())
                                    .filter(code -> code.code()
                                            == json.get("error_code").intValue())
                                    .map(Enum::name)
                                    .collect(java.util.stream.Collectors.joining("/"))
                            + ": "
                            + json.get("message").textValue() + " (POST " + path + ")");
            assertThat(error.validationErrors()).isEmpty();
        } else {
            assertThat(error.errorCode()).isEmpty();
            assertThat(error.validationErrors()).hasSize(json.get("detail").size());
            assertThat(error.getMessage()).startsWith("422 Unprocessable Entity: ");
        }
        assertThat(error.failureClass()).isEqualTo(FailureClass.DEFINITE);
    }

    @Test
    void theRecordedErrorsCoverTheCodesTheBackendAnswers() {
        assertThat(recordedErrors()
                        .map(e -> e.responseBody().path("error_code").asInt(-1))
                        .distinct())
                .contains(2, 1000, 1005, 2000, 2001, 2003, 2100, 2103, 2105, 2106, -1);
    }

    private OasstError recordedError(String name) {
        Exchange exchange = Exchanges.named(name);
        backend.stubFor(post(pathOf(exchange))
                .willReturn(aResponse()
                        .withStatus(exchange.status())
                        .withHeader("Content-Type", "application/json")
                        .withBody(exchange.responseText())));
        return catchThrowableOfType(OasstError.class, () -> callOperationOf(pathOf(exchange)));
    }

    @Test
    void validationErrorsReadFirstWhatMatters() {
        assertThat(recordedError("interaction text_labels with out-of-range value")
                        .serverMessage())
                .startsWith("body.labels: Label values must be between 0 and 1, got 1.5 for TextLabel.spam.;")
                .endsWith("(and 4 more)");
        backend.resetAll();
        assertThat(recordedError("interaction with blank text").serverMessage())
                .startsWith("body.text: ensure this value has at least 1 characters;");
        backend.resetAll();
        assertThat(recordedError("bad user.auth_method").getMessage())
                .isEqualTo("422 Unprocessable Entity: body.user.auth_method: unexpected value; permitted: 'discord',"
                        + " 'local' (POST /api/v1/tasks/)");
        backend.resetAll();
        OasstError withoutUser = recordedError("interaction without user");
        assertThat(withoutUser.serverMessage())
                .contains("body.user: field required")
                .endsWith("(and 5 more)");
        assertThat(withoutUser.validationErrors()).contains("body.user: field required");
    }

    @Test
    void theNotFoundOfAnUnknownTaskIsDefiniteAndNamed() {
        OasstError error = recordedError("ack unknown task id");

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.hasErrorCode(OasstErrorCode.TASK_NOT_FOUND)).isTrue();
        assertThat(error.getMessage())
                .isEqualTo("404 TASK_NOT_FOUND: Task for task_id=UUID('00000000-0000-0000-0000-000000000000') not found"
                        + " (POST /api/v1/tasks/00000000-0000-0000-0000-000000000000/ack)");
    }

    @Test
    void anErrorBodyCutBeforeItSaysWhichErrorIsATruncatedResponse() {
        byte[] start = "{\"error_code\":2103,\"mess".getBytes(StandardCharsets.UTF_8);
        InputStream cut = new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next < start.length) {
                    return start[next++];
                }
                throw new ProtocolException("unexpected end of stream");
            }
        };
        Response response =
                response(400, "", Map.of()).toBuilder().body(cut, 60).build();

        OasstException failure = new OasstErrorDecoder(Jackson2Mapping.INSTANCE).decode("k", response);

        assertThat(failure).isInstanceOf(OasstTransportException.class);
        assertThat(((OasstTransportException) failure).kind())
                .isEqualTo(OasstTransportException.Kind.RESPONSE_TRUNCATED);
        assertThat(failure.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(failure.getMessage())
                .isEqualTo("response truncated (request may have reached the server): a 400 answer cut after 24 bytes,"
                        + " ProtocolException: unexpected end of stream (GET /api/v1/tasks/)");
    }

    /** The error the decoder makes of a response whose body it reads whole. */
    private static OasstError error(OasstErrorDecoder decoder, Response response) {
        return (OasstError) decoder.decode("k", response);
    }

    private static Response response(int status, String body, Map<String, Collection<String>> headers) {
        return Response.builder()
                .status(status)
                .request(Request.create(
                        Request.HttpMethod.GET,
                        "http://127.0.0.1/api/v1/tasks/?api_key=secret",
                        Map.of(),
                        null,
                        StandardCharsets.UTF_8,
                        null))
                .headers(headers)
                .body(body, StandardCharsets.UTF_8)
                .build();
    }

    @Test
    void methodNotAllowedReadsItsStringDetail() {
        Exchange exchange = Exchanges.named("GET on /api/v1/tasks/ (method not allowed)");

        OasstError error = error(
                new OasstErrorDecoder(Jackson2Mapping.INSTANCE),
                response(exchange.status(), exchange.responseText(), Map.of()));

        assertThat(error.getMessage()).isEqualTo("405 Method Not Allowed: Method Not Allowed (GET /api/v1/tasks/)");
        assertThat(error.getMessage()).doesNotContain("api_key");
    }

    @Test
    void aPathTheServerDoesNotHaveSaysSo() {
        Exchange exchange = Exchanges.other().stream()
                .filter(e -> e.name().equals("experimental: unknown leaderboard role"))
                .findFirst()
                .orElseThrow();

        OasstError error = error(
                new OasstErrorDecoder(Jackson2Mapping.INSTANCE),
                response(exchange.status(), exchange.responseText(), Map.of()));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.errorCode()).isEmpty();
        assertThat(error.serverMessage())
                .isEqualTo("Not Found: the server has no such operation (a backend older than the operation,"
                        + " or a wrong base URL)");
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        OasstError error = error(
                new OasstErrorDecoder(Jackson2Mapping.INSTANCE),
                response(307, "", Map.of("location", List.of("http://127.0.0.1/api/v1/tasks/?x=1"))));

        assertThat(error.status()).isEqualTo(307);
        assertThat(error.serverMessage())
                .startsWith("redirect to http://127.0.0.1/api/v1/tasks/ not followed")
                .doesNotContain("x=1");
    }

    @Test
    void retryAfterIsReadInSecondsAsADateAndFromTheRateLimitMessage() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        OasstErrorDecoder decoder = new OasstErrorDecoder(Jackson2Mapping.INSTANCE, Clock.fixed(now, ZoneOffset.UTC));

        OasstError seconds = error(decoder, response(503, "", Map.of("Retry-After", List.of("7"))));
        OasstError date =
                error(decoder, response(503, "", Map.of("Retry-After", List.of("Wed, 25 Nov 2026 12:00:30 GMT"))));
        OasstError message = error(
                decoder,
                response(
                        429,
                        "{\"error_code\":429,\"message\":\"Too Many Requests. Retry After 12 seconds.\"}",
                        Map.of()));
        OasstError none = error(decoder, response(503, "", Map.of()));

        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(message.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(message.knownErrorCode()).contains(OasstErrorCode.TOO_MANY_REQUESTS);
        assertThat(message.failureClass()).isEqualTo(FailureClass.NOT_PROCESSED);
        assertThat(none.retryAfter()).isEmpty();
    }

    @Test
    void anUnparseableRetryAfterIsIgnored() {
        OasstError error = error(
                new OasstErrorDecoder(Jackson2Mapping.INSTANCE),
                response(503, "", Map.of("Retry-After", List.of("soon"))));

        assertThat(error.retryAfter()).isEmpty();
        assertThatThrownBy(() -> {
                    throw error;
                })
                .hasMessage("503 Service Unavailable: empty body (GET /api/v1/tasks/)");
    }
}
