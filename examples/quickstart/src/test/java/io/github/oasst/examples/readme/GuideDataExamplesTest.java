package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstData;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.SystemStats;
import io.github.oasst.client.protocol.ConversationMessage;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The guide's overview of the rest of the API (rest-of-api.md), run against the fake backend. */
class GuideDataExamplesTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();

    @Test
    void aPromptIsReadBackByItsFrontendId() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build()) {
            User user = User.discord("1234", "Alice");
            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user);
            client.ackTask(task.id(), "frontend-message-3");
            client.postInteraction(
                    TextReplyToMessage.of(user, "frontend-message-3", "user-message-3", "What is a tide pool?"));

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
}
