package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstUsersApi;
import io.github.oasst.client.data.MessageCursorQuery;
import io.github.oasst.client.data.MessageQuery;
import io.github.oasst.client.data.UserMessageQuery;
import io.github.oasst.client.data.UserQuery;
import io.github.oasst.client.data.UserUpdate;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cases that reached other data on the real backend, one by one, with the exact request line the
 * client sends for each (read from a socket): every value is one segment that the server decodes back
 * to the caller's text, or the call is refused before sending.
 */
class RequestLineRegressionTest {
    private static final String OTHER_USER = "5b0b3c3e-56a5-4e4e-9d57-6cbb1b0d32a1";

    private RawHttpServer server;
    private OasstClient client;

    @BeforeEach
    void start() throws Exception {
        server = RawHttpServer.start().answer(204, "");
        client = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey("test-api-key-123")
                .retryPolicy(RetryPolicy.disabled())
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void anEscapedSlashAndDotsInAUsernameStayInItsSegment() {
        client.data().frontendUsers().deleteMessagesByUsername("..%2Fusers%2F" + OTHER_USER);

        assertThat(lastRequestLine())
                .isEqualTo("DELETE /api/v1/frontend_users/..%252Fusers%252F" + OTHER_USER + "/messages HTTP/1.1");
    }

    @Test
    void escapedDotsAreAValueNotADotSegment() {
        client.data().frontendUsers().deleteMessagesByUsername("%2e%2e");

        assertThat(lastRequestLine()).isEqualTo("DELETE /api/v1/frontend_users/%252e%252e/messages HTTP/1.1");
    }

    @Test
    void anEscapedSlashInAFrontendMessageIdStaysInItsSegment() {
        server.answer(404, "{\"error_code\":2001,\"message\":\"Message not found.\"}");

        catchThrowable(() -> client.data().frontendMessages().getMessage("fm%2Fchildren"));

        assertThat(lastRequestLine()).isEqualTo("GET /api/v1/frontend_messages/fm%252Fchildren HTTP/1.1");
    }

    @Test
    void aValueThatLooksLikeAnEscapeIsSentEscaped() {
        server.answer(200, "[]");

        client.data().frontendUsers().getMessagesByUsername("p%41x", UserMessageQuery.defaults());
        assertThat(lastRequestLine()).isEqualTo("GET /api/v1/frontend_users/p%2541x/messages HTTP/1.1");

        client.data()
                .messages()
                .queryMessages(MessageQuery.builder()
                        .authMethod(AuthMethod.LOCAL)
                        .username("p%41x")
                        .maxCount(10)
                        .build());
        assertThat(lastRequestLine())
                .isEqualTo("GET /api/v1/messages/?auth_method=local&username=p%2541x&max_count=10 HTTP/1.1");
    }

    @Test
    void queryValuesKeepPlusAmpersandEqualsAndPercent() {
        server.answer(200, "[]");

        client.data()
                .users()
                .usersByUsername(
                        UserQuery.builder().searchText("a+b&c=d%e f,g#h").build());

        assertThat(lastRequestLine())
                .isEqualTo("GET /api/v1/users/by_username?search_text=a%2Bb%26c%3Dd%25e%20f%2Cg%23h HTTP/1.1");
    }

    @Test
    void aQueryObjectSendsEveryHostileValueEscapedInTheOrderOfTheRequest() {
        server.answer(
                200, "{\"prev\":null,\"next\":null,\"sort_key\":\"created_date\",\"items\":[],\"order\":\"asc\"}");
        UUID userId = UUID.fromString(OTHER_USER);

        client.data()
                .messages()
                .messagesCursor(MessageCursorQuery.builder()
                        .lang("line\r\nX-Injected: 1") // set first, sent in the request's order
                        .before("p%41x")
                        .after("a+b&c=d")
                        .userId(userId)
                        .authMethod(AuthMethod.of("caf\u00e9"))
                        .username("..%2Fusers%2F{id},\uD83D\uDE00")
                        .maxCount(1000)
                        .desc(false)
                        .build());

        assertThat(lastRequestLine())
                .isEqualTo("GET /api/v1/messages/cursor?before=p%2541x&after=a%2Bb%26c%3Dd&user_id=" + OTHER_USER
                        + "&auth_method=caf%C3%A9&username=..%252Fusers%252F%7Bid%7D%2C%F0%9F%98%80&max_count=1000"
                        + "&desc=false&lang=line%0D%0AX-Injected%3A%201 HTTP/1.1");
        assertThat(server.received().get(0).header("X-Injected")).isNull();
    }

    @Test
    void aQueryObjectsInstantAndUuidAreSentAsBeforeAndAPathParameterStaysInItsSegment() {
        server.answer(200, "[]");

        client.data()
                .frontendUsers()
                .getUserMessages(
                        AuthMethod.DISCORD,
                        "a%b",
                        UserMessageQuery.builder()
                                .apiClientId(UUID.fromString(OTHER_USER))
                                .startDate(Instant.parse("2020-01-01T00:00:00.123456Z"))
                                .includeDeleted(true)
                                .build());

        assertThat(lastRequestLine())
                .isEqualTo("GET /api/v1/frontend_users/discord/a%25b/messages?api_client_id=" + OTHER_USER
                        + "&start_date=2020-01-01T00%3A00%3A00.123456Z&include_deleted=true HTTP/1.1");
    }

    @Test
    void anEmptyQueryObjectSendsNoQuery() {
        server.answer(200, "[]");

        client.data().messages().queryMessages(MessageQuery.defaults());
        assertThat(lastRequestLine()).isEqualTo("GET /api/v1/messages/ HTTP/1.1");

        client.data()
                .users()
                .updateUser(UUID.fromString(OTHER_USER), UserUpdate.builder().build());
        assertThat(lastRequestLine()).isEqualTo("PUT /api/v1/users/" + OTHER_USER + " HTTP/1.1");
    }

    @Test
    void anEmptyTextInAQueryObjectIsSentAsAnEmptyValue() throws Exception {
        server.answer(200, "[]");

        client.data()
                .users()
                .usersByUsername(UserQuery.builder().searchText("").maxCount(5).build());

        assertThat(lastRequestLine()).isEqualTo("GET /api/v1/users/by_username?search_text&max_count=5 HTTP/1.1");
        assertThat(DeclaredRoute.of(OasstUsersApi.class.getMethod("usersByUsername", UserQuery.class))
                        .match("", server.received().get(0).target()))
                .as("what the server decodes")
                .containsExactly(entry("searchText", ""), entry("maxCount", "5"));
    }

    @Test
    void aNullQueryObjectIsRefusedBeforeSendingNamingIt() {
        assertThat(catchThrowable(() -> client.data().messages().queryMessages(null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("OasstMessagesApi.queryMessages: MessageQuery must not be null");
        assertThat(catchThrowable(() -> client.data().users().updateUser(UUID.fromString(OTHER_USER), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("OasstUsersApi.updateUser: UserUpdate must not be null");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aLineBreakOrNonAsciiIsEscaped() {
        client.data().frontendUsers().deleteUserMessages(AuthMethod.DISCORD, "a\r\nX-Injected: 1 caf\u00e9");

        assertThat(lastRequestLine())
                .isEqualTo(
                        "DELETE /api/v1/frontend_users/discord/a%0D%0AX-Injected%3A%201%20caf%C3%A9/messages HTTP/1.1");
        assertThat(server.received().get(0).header("X-Injected")).isNull();
    }

    @Test
    void aValueThatCannotBeOneSegmentIsRefusedBeforeSendingNamingTheParameter() {
        refused(c -> c.data().frontendUsers().deleteMessagesByUsername(".."), "username must not be '..'");
        refused(c -> c.data().frontendUsers().deleteMessagesByUsername("."), "username must not be '.'");
        refused(c -> c.data().frontendUsers().deleteMessagesByUsername(""), "username must not be empty");
        refused(
                c -> c.data().frontendUsers().deleteUserMessages(AuthMethod.DISCORD, "x/messages"),
                "OasstFrontendUsersApi.deleteUserMessages: username must not contain '/'");
        refused(
                c -> c.data().frontendMessages().getMessage("fm/children"),
                "OasstFrontendMessagesApi.getMessage: messageId must not contain '/'");
        refused(
                c -> c.data().frontendUsers().getUser(AuthMethod.of("discord/x"), "y", null),
                "OasstFrontendUsersApi.getUser: authMethod must not contain '/'");
        refused(
                c -> c.data().frontendMessages().getMessage("lone\uD800"),
                "OasstFrontendMessagesApi.getMessage: messageId must be valid Unicode");
        assertThat(server.received()).isEmpty();
    }

    private void refused(Consumer<OasstClient> call, String message) {
        assertThat(catchThrowable(() -> call.accept(client)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private String lastRequestLine() {
        assertThat(server.received()).isNotEmpty();
        return server.received().get(server.received().size() - 1).requestLine();
    }

    @Test
    void theRecorderSeesWhatWasSent() {
        server.answer(404, "{\"error_code\":2001,\"message\":\"Message not found.\"}");

        assertThat(catchThrowable(() -> client.data().frontendMessages().getChildren("abc")))
                .isInstanceOf(OasstError.class);
        assertThat(lastRequestLine()).isEqualTo("GET /api/v1/frontend_messages/abc/children HTTP/1.1");
        assertThat(server.received().get(0).header("X-API-Key")).isEqualTo("test-api-key-123");
    }
}
