package io.github.oasst.client.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import feign.Request;
import feign.Response;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jackson 2 and Jackson 3, as the client configures them, read the same values from every body the
 * real backend sent and wrote, write the same bytes, and fail alike.
 */
class JsonMappingsTest {
    private static final JsonMapping JACKSON_2 = Jackson2Mapping.INSTANCE;
    private static final JsonMapping JACKSON_3 = new Jackson3Mapping();

    static Stream<Exchange> recorded() {
        List<Exchange> all = new ArrayList<>(Exchanges.all());
        all.addAll(Exchanges.repeats());
        return all.stream();
    }

    /** The type of a recorded request's body, or null when it has none worth reading. */
    private static Type requestType(Exchange exchange) {
        String path = exchange.path();
        if (path.endsWith("/ack")) {
            return TaskAck.class;
        }
        if (path.endsWith("/nack")) {
            return TaskNAck.class;
        }
        if (path.endsWith("/interaction")) {
            return Interaction.class;
        }
        if (path.endsWith("/close")) {
            return TaskClose.class;
        }
        if (path.startsWith("/api/v1/tasks/availability")) {
            return User.class;
        }
        return TaskRequest.class;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void bothReadTheSameValueFromEachRecordedBody(Exchange exchange) throws IOException {
        if (exchange.status() == 200 && exchange.responseBody().has("type")) {
            byte[] body = exchange.responseText().getBytes(StandardCharsets.UTF_8);
            Object two = JACKSON_2.read(new ByteArrayInputStream(body), Task.class);
            Object three = JACKSON_3.read(new ByteArrayInputStream(body), Task.class);
            assertThat(three).isEqualTo(two).isNotNull();
        }
        assertThat(JACKSON_3.readTree(exchange.responseText())).isEqualTo(JACKSON_2.readTree(exchange.responseText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void bothWriteTheSameBytesForEachValidRecordedRequest(Exchange exchange) throws IOException {
        String text = exchange.requestText();
        Type type = requestType(exchange);
        Object value;
        try {
            value = JACKSON_2.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), type);
        } catch (JsonFailure | IllegalArgumentException invalid) {
            return; // a request recorded to show the server's 422; the client could not have sent it
        }
        if (value == null) {
            return;
        }

        assertThat(new String(JACKSON_3.write(value, type), StandardCharsets.UTF_8))
                .isEqualTo(new String(JACKSON_2.write(value, type), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void bothMakeTheSameErrorOfEachRecordedError(Exchange exchange) {
        if (exchange.status() < 300) {
            return;
        }
        OasstException two = new OasstErrorDecoder(JACKSON_2).decode("k", response(exchange));
        OasstException three = new OasstErrorDecoder(JACKSON_3).decode("k", response(exchange));

        assertThat(three.getMessage()).isEqualTo(two.getMessage());
        assertThat(three).hasSameClassAs(two);
    }

    @Test
    void bothFailAlike() {
        Map<String, JsonFailure.Kind> bodies = Map.of(
                "[1, 2]",
                JsonFailure.Kind.WRONG_SHAPE,
                "{\"type\":",
                JsonFailure.Kind.NOT_JSON,
                "<html>",
                JsonFailure.Kind.NOT_JSON,
                "{\"id\":\"00908626-7a35-4e1c-9582-29613f757c10\",\"type\":\"task_done\"} {}",
                JsonFailure.Kind.WRONG_SHAPE, // Jackson's "trailing token" is a mismatch
                "{\"type\":\"initial_prompt\",\"hint\":\"" + "x".repeat(2 * (int) JsonMapping.MAX_DOCUMENT_LENGTH)
                        + "\"}",
                JsonFailure.Kind.TOO_LARGE);
        bodies.forEach((body, kind) -> {
            for (JsonMapping mapping : List.of(JACKSON_2, JACKSON_3)) {
                JsonFailure failure = catchThrowableOfType(
                        JsonFailure.class,
                        () -> mapping.read(
                                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Task.class));
                assertThat(failure).as("%s reading %.40s", mapping, body).isNotNull();
                assertThat(failure.kind())
                        .as("%s reading %.40s: %s", mapping, body, failure.getCause())
                        .isEqualTo(kind);
            }
        });
    }

    @Test
    void bothReadANullPrimitiveAsItsDefault() throws IOException {
        String body = "{\"type\":\"rate_summary\",\"id\":\"00908626-7a35-4e1c-9582-29613f757c10\","
                + "\"full_text\":\"t\",\"summary\":\"s\",\"scale\":{\"min\":1,\"max\":null}}";
        Object two = JACKSON_2.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Task.class);
        Object three = JACKSON_3.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Task.class);

        assertThat(three).isEqualTo(two);
    }

    private static Response response(Exchange exchange) {
        return Response.builder()
                .status(exchange.status())
                .request(Request.create(
                        Request.HttpMethod.valueOf(exchange.method()),
                        "http://127.0.0.1" + exchange.path(),
                        Map.of(),
                        null,
                        StandardCharsets.UTF_8,
                        null))
                .headers(Map.of())
                .body(exchange.responseText(), StandardCharsets.UTF_8)
                .build();
    }
}
