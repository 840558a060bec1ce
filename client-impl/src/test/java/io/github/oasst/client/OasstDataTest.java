package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessageQuery;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rest of the API through a client: its requests, retries per class, pages and decoding. */
class OasstDataTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private static final UUID MESSAGE = UUID.fromString("6a2a5ea1-8492-4fd5-b5e2-6dbe8de19432");
    private static final String MESSAGE_JSON = "{\"text\":\"How do Java generics differ from C++ templates?\","
            + "\"is_assistant\":false,\"id\":\"" + MESSAGE + "\",\"parent_id\":null,"
            + "\"created_date\":\"2026-12-01T08:04:48.233115\"}";

    private final OasstClient client = TestSupport.clientOf(backend)
            .retryPolicy(RetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(1))
                    .maxBackoff(Duration.ofMillis(2))
                    .build())
            .build();

    @AfterEach
    void close() {
        client.close();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The first request gets {@code first}, the next ones {@code then}. */
    private static void answer(
            Supplier<MappingBuilder> request, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        backend.stubFor(request.get()
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(first)
                .willSetStateTo("then"));
        backend.stubFor(
                request.get().inScenario("s").whenScenarioStateIs("then").willReturn(then));
    }

    @Test
    void aMessageOfThe2023BackendDecodesWithItsDateInUtc() {
        backend.stubFor(get("/api/v1/messages/" + MESSAGE).willReturn(json(MESSAGE_JSON)));

        Message message = client.data().messages().getMessage(MESSAGE);

        assertThat(message.text()).startsWith("How do Java generics");
        assertThat(message.parentId()).isNull();
        assertThat(message.createdDate()).isNotNull();
        assertThat(message.createdDate().instant()).isEqualTo(Instant.parse("2026-12-01T08:04:48.233115Z"));
        assertThat(message.emojis()).isEmpty();
        backend.verify(getRequestedFor(urlEqualTo("/api/v1/messages/" + MESSAGE))
                .withHeader("X-API-Key", equalTo(TestSupport.API_KEY)));
    }

    @Test
    void aQueryObjectSendsWhatItSetsInTheOrderOfTheRequest() {
        backend.stubFor(get(urlPathEqualTo("/api/v1/messages/")).willReturn(json("[" + MESSAGE_JSON + "]")));

        List<Message> messages = client.data()
                .messages()
                .queryMessages(MessageQuery.builder()
                        .desc(false)
                        .onlyRoots(true)
                        .startDate(Instant.parse("2020-01-01T00:00:00Z"))
                        .maxCount(5)
                        .username("java-verify-user")
                        .authMethod(AuthMethod.DISCORD)
                        .build());

        assertThat(messages).extracting(Message::id).containsExactly(MESSAGE);
        backend.verify(getRequestedFor(urlEqualTo("/api/v1/messages/?auth_method=discord&username=java-verify-user"
                + "&max_count=5&start_date=2020-01-01T00%3A00%3A00Z&only_roots=true&desc=false")));
    }

    @Test
    void aReadIsRetriedAfterALostAnswer() {
        answer(
                () -> get(urlPathEqualTo("/api/v1/stats/")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                json("{\"all\":76,\"active\":73,\"deleted\":3,\"message_trees\":30}"));

        assertThat(client.data().stats().getStats().messageTrees()).isEqualTo(30);
        backend.verify(2, getRequestedFor(urlEqualTo("/api/v1/stats/")));
    }

    @Test
    void anIdempotentWriteIsRetriedAfterALostAnswer() {
        answer(
                () -> delete(urlPathEqualTo("/api/v1/messages/" + MESSAGE)),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(204));

        client.data().messages().deleteMessage(MESSAGE);

        backend.verify(2, deleteRequestedFor(urlEqualTo("/api/v1/messages/" + MESSAGE)));
    }

    @Test
    void labelsWhoseAnswerWasLostAreNotSentAgain() {
        answer(
                () -> post(urlPathEqualTo("/api/v1/text_labels/")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(204));
        TextLabels labels = TextLabels.of(USER, MESSAGE, "text", Map.of(TextLabel.SPAM, 0.0));

        assertThatThrownBy(() -> client.data().textLabels().labelText(labels))
                .isInstanceOf(OasstTransportException.class);
        backend.verify(1, postRequestedFor(urlEqualTo("/api/v1/text_labels/")));
    }

    @Test
    void aWriteThatWasNotProcessedIsRetried() {
        answer(
                () -> post(urlPathEqualTo("/api/v1/text_labels/")),
                aResponse().withStatus(503),
                aResponse().withStatus(204));

        client.data().textLabels().labelText(TextLabels.of(USER, MESSAGE, "text", Map.of(TextLabel.SPAM, 0.0)));

        backend.verify(2, postRequestedFor(urlEqualTo("/api/v1/text_labels/")));
    }

    @Test
    void aUsersMessagesArePagedLazilyAsTheStreamIsRead() {
        UUID user = UUID.randomUUID();
        String path = "/api/v1/users/" + user + "/messages/cursor";
        backend.stubFor(get(urlEqualTo(path + "?max_count=100&desc=true"))
                .willReturn(json(page(List.of("a", "b"), "cursor-2"))));
        backend.stubFor(get(urlEqualTo(path + "?after=cursor-2&max_count=100&desc=true"))
                .willReturn(json(page(List.of("c"), null))));

        assertThat(client.data().userMessages(user).limit(1))
                .extracting(Message::text)
                .containsExactly("a");
        backend.verify(1, getRequestedFor(urlPathEqualTo(path)));

        assertThat(client.data().userMessages(user)).extracting(Message::text).containsExactly("a", "b", "c");
        backend.verify(3, getRequestedFor(urlPathEqualTo(path)));
    }

    private static String page(List<String> texts, String next) {
        StringBuilder items = new StringBuilder();
        for (String text : texts) {
            items.append(items.length() == 0 ? "" : ",")
                    .append("{\"text\":\"")
                    .append(text)
                    .append("\",\"is_assistant\":false}");
        }
        return "{\"prev\":null,\"next\":" + (next == null ? "null" : "\"" + next + "\"")
                + ",\"sort_key\":\"created_date\",\"items\":[" + items + "],\"order\":\"desc\"}";
    }

    @Test
    void pathParametersAreWrittenAsTheBackendReadsThem() {
        backend.stubFor(get(urlPathEqualTo("/api/v1/leaderboards/week"))
                .willReturn(json("{\"time_frame\":\"week\",\"last_updated\":\"2023-05-07T10:00:00+00:00\","
                        + "\"leaderboard\":[]}")));
        backend.stubFor(get(urlPathEqualTo("/api/v1/frontend_users/discord/1234"))
                .willReturn(
                        aResponse().withStatus(404).withBody("{\"error_code\":3000,\"message\":\"User not found\"}")));

        assertThat(client.data().leaderboard(TimeFrame.WEEK, 10).timeFrame()).isEqualTo("week");
        assertThatThrownBy(() -> client.data().frontendUsers().getUser(AuthMethod.DISCORD, "1234", null))
                .isInstanceOfSatisfying(
                        OasstError.class, e -> assertThat(e.status()).isEqualTo(404));
        backend.verify(getRequestedFor(urlEqualTo("/api/v1/leaderboards/week?max_count=10")));
        assertThatThrownBy(() -> client.data().leaderboard(TimeFrame.WEEK, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCount must be at least 1, got 0");
    }

    @Test
    void aFrontendIdOrUsernameThatWouldNameAnotherPathIsRefusedBeforeSending() {
        for (String bad : List.of("discord/bob", "..", ".", "")) {
            assertThatThrownBy(() -> client.data().frontendUsers().deleteMessagesByUsername(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("OasstFrontendUsersApi.deleteMessagesByUsername: username must not");
            assertThatThrownBy(() -> client.data().frontendMessages().getMessage(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> client.data().frontendMessages().getMessage(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("OasstFrontendMessagesApi.getMessage: messageId must not be null");
        assertThatThrownBy(() -> client.tasksApi().ackTask(null, new TaskAck("fe-1")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("OasstTasksApi.ackTask: taskId must not be null");
        assertThat(backend.getAllServeEvents()).isEmpty();

        backend.stubFor(get(urlPathEqualTo("/api/v1/frontend_messages/a%20b%2Bc%3F"))
                .willReturn(json("{\"text\":\"t\",\"is_assistant\":false}")));
        assertThat(client.data().frontendMessages().getMessage("a b+c?").text()).isEqualTo("t");
    }

    @Test
    void aUserWithoutALineInTheLeaderboardHasAnEmptyWindow() {
        UUID user = UUID.randomUUID();
        String path = "/api/v1/users/" + user + "/stats/week/window";
        backend.stubFor(get(urlPathEqualTo(path)).willReturn(json("null")));

        assertThat(client.data().users().getUserStatsWindow(user, TimeFrame.WEEK, 3))
                .isEmpty();

        backend.stubFor(get(urlPathEqualTo(path))
                .willReturn(json("{\"time_frame\":\"week\",\"last_updated\":\"2023-05-07T10:00:00+00:00\","
                        + "\"leaderboard\":[]}")));
        assertThat(client.data().users().getUserStatsWindow(user, TimeFrame.WEEK, 3))
                .hasValueSatisfying(stats -> assertThat(stats.timeFrame()).isEqualTo("week"));
    }

    @Test
    void aClosedClientsApisFailAtOnce() {
        client.data().stats();
        client.close();

        assertThatThrownBy(() -> client.data().stats().getStats()).isInstanceOf(IllegalStateException.class);
        assertThat(backend.getAllServeEvents()).isEmpty();
    }
}
