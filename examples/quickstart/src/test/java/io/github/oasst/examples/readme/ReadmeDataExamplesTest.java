package io.github.oasst.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstData;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.SystemStats;
import io.github.oasst.client.data.UserMessageQuery;
import io.github.oasst.client.protocol.ConversationMessage;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guide's code for the rest of the API (rest-of-api.md): on the fake backend (a 2023-01
 * backend), and the cursor of newer servers on a WireMock server that pages as they do.
 */
class ReadmeDataExamplesTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();

    @Test
    void theRestOfTheApi() {
        try (OasstClient client = clientWithAPrompt()) {
            // tag::data[]
            OasstData data = client.data(); // messages, users, stats, leaderboards, text labels, ...
            Message prompt = data.frontendMessages().getMessage("user-message-3"); // the user_message_id
            List<ConversationMessage> thread = data.conversation(prompt.id()).messages();
            UserMessageQuery newest = UserMessageQuery.builder().maxCount(10).build(); // others: server defaults
            List<Message> latest = data.frontendUsers() // by the frontend's user id (2023-01 servers)
                    .getMessagesByUsername("1234", newest);
            SystemStats stats = data.stats().getStats();
            // end::data[]

            assertThat(prompt.text()).isEqualTo("What is a tide pool?");
            assertThat(thread).extracting(ConversationMessage::text).containsExactly("What is a tide pool?");
            assertThat(latest).extracting(Message::id).containsExactly(prompt.id());
            assertThat(stats.all()).isPositive();
        }
    }

    @Test
    void aPromptIsReadBackByItsFrontendId() {
        try (OasstClient client = clientWithAPrompt()) {
            // tag::data-overview[]
            OasstData data = client.data(); // messages, users, stats, leaderboards, text labels, ...
            Message prompt = data.frontendMessages().getMessage("user-message-3"); // the user_message_id
            List<ConversationMessage> thread = data.conversation(prompt.id()).messages();
            List<Message> replies = data.messages().getChildren(prompt.id());
            SystemStats stats = data.stats().getStats();
            // end::data-overview[]

            assertThat(prompt.text()).isEqualTo("What is a tide pool?");
            assertThat(thread).extracting(ConversationMessage::text).containsExactly("What is a tide pool?");
            assertThat(replies).isEmpty();
            assertThat(stats.all()).isPositive();
        }
    }

    /** A client of the fake backend, after a user's prompt {@code user-message-3} was stored. */
    private static OasstClient clientWithAPrompt() {
        OasstClient client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build();
        User user = User.discord("1234", "Alice");
        InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user);
        client.ackTask(task.id(), "frontend-message-3");
        client.postInteraction(
                TextReplyToMessage.of(user, "frontend-message-3", "user-message-3", "What is a tide pool?"));
        return client;
    }

    @Test
    void aUsersMessagesPageByPage() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try (OasstClient client = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey("test-key")
                .build()) {
            UUID userId = UUID.randomUUID();
            String cursor = "/api/v1/users/" + userId + "/messages/cursor";
            server.stubFor(get(urlEqualTo(cursor + "?max_count=100&desc=true")).willReturn(page("a", "page-2")));
            server.stubFor(get(urlEqualTo(cursor + "?after=page-2&max_count=100&desc=true"))
                    .willReturn(page("b", null)));

            // tag::data-pages[]
            List<String> texts = client.data()
                    .userMessages(userId) // newest first; the next page is fetched when the stream needs it
                    .map(Message::text)
                    .limit(1_000)
                    .toList();
            // end::data-pages[]

            assertThat(texts).containsExactly("a", "b");
            server.verify(2, getRequestedFor(urlPathEqualTo(cursor)));
        } finally {
            server.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String text, String next) {
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"prev\":null,\"next\":" + (next == null ? "null" : "\"" + next + "\"")
                        + ",\"sort_key\":\"created_date\",\"items\":[{\"text\":\"" + text
                        + "\",\"is_assistant\":false}],\"order\":\"desc\"}");
    }
}
