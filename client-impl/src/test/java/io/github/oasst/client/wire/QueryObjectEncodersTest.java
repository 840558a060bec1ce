package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Feign;
import feign.QueryMapEncoder;
import feign.querymap.BeanQueryMapEncoder;
import feign.querymap.FieldQueryMapEncoder;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.api.OasstMessagesApi;
import io.github.oasst.client.api.OasstUsersApi;
import io.github.oasst.client.data.MessageCursorQuery;
import io.github.oasst.client.data.UserUpdate;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A query object goes on the wire byte for byte the same through plain Feign (feign-core's defaults),
 * Feign with either of its own {@link QueryMapEncoder}s configured, Feign with the client's
 * components, and the client itself: Feign takes it as the map it is, without any encoder, and its
 * escaped values through its URI encoder unchanged. Read from a raw socket.
 */
class QueryObjectEncodersTest {
    private static final UUID USER_ID = UUID.fromString("5b0b3c3e-56a5-4e4e-9d57-6cbb1b0d32a1");

    private static final MessageCursorQuery HOSTILE = MessageCursorQuery.builder()
            .before("p%41x")
            .after("a+b&c=d#e")
            .username("%2F{x},y\r\nZ: 1 caf\u00e9")
            .authMethod(AuthMethod.LOCAL)
            .includeUser(true)
            .build();
    private static final String HOSTILE_LINE = "GET /api/v1/messages/cursor?before=p%2541x&after=a%2Bb%26c%3Dd%23e"
            + "&auth_method=local&username=%252F%7Bx%7D%2Cy%0D%0AZ%3A%201%20caf%C3%A9&include_user=true HTTP/1.1";

    private static final UserUpdate UPDATE =
            UserUpdate.builder().notes("50% off+more").enabled(false).build();
    private static final String UPDATE_LINE =
            "PUT /api/v1/users/" + USER_ID + "?enabled=false&notes=50%25%20off%2Bmore HTTP/1.1";

    private static RawHttpServer server;
    private static OasstClient client;

    @BeforeAll
    static void start() throws Exception {
        server = RawHttpServer.start().answer(204, "");
        client = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey("test-api-key-123")
                .retryPolicy(RetryPolicy.disabled())
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    static Stream<Arguments> feigns() {
        return Stream.of(
                Arguments.of("plain Feign", feign(Feign.builder())),
                Arguments.of(
                        "Feign with a BeanQueryMapEncoder",
                        feign(Feign.builder().queryMapEncoder(new BeanQueryMapEncoder()))),
                Arguments.of(
                        "Feign with a FieldQueryMapEncoder",
                        feign(Feign.builder().queryMapEncoder(new FieldQueryMapEncoder()))),
                Arguments.of(
                        "Feign with the client's components",
                        feign(Feign.builder()
                                .client(OasstFeign.client(new OkHttpClient()))
                                .addCapability(OasstFeign.capability()))),
                Arguments.of("the client", (Function<Class<?>, Object>) type -> type == OasstMessagesApi.class
                        ? client.data().messages()
                        : client.data().users()));
    }

    private static Function<Class<?>, Object> feign(Feign.Builder builder) {
        return type -> builder.target(type, server.baseUrl());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feigns")
    void aQueryObjectIsSentTheSameWhateverTheEncoder(String name, Function<Class<?>, Object> apis) {
        OasstMessagesApi messages = (OasstMessagesApi) apis.apply(OasstMessagesApi.class);
        OasstUsersApi users = (OasstUsersApi) apis.apply(OasstUsersApi.class);

        server.clear();
        catchThrowable(() -> messages.messagesCursor(HOSTILE)); // a 204 decodes to nothing: the line counts
        catchThrowable(() -> users.updateUser(USER_ID, UPDATE));

        assertThat(server.received())
                .extracting(RawHttpServer.Received::requestLine)
                .containsExactly(HOSTILE_LINE, UPDATE_LINE);
    }
}
