package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.data.CreatorLeaderboard;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessageQuery;
import io.github.oasst.client.data.MessageTree;
import io.github.oasst.client.data.SystemStats;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.data.UserMessageQuery;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.ConversationMessage;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rest of the API through the client's {@code data()} interfaces, on the fake backend: what a
 * frontend's users sent through their tasks is read back as messages, trees, lists, stats and
 * leaderboards, deleted and labelled, with the 2023-01 backend's answers.
 */
class DataOperationsTest {
    private static final User ADA = User.discord("ada", "Ada");

    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();

    private OasstClient client;

    @BeforeEach
    void setUp() {
        client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .retryPolicy(RetryPolicy.disabled())
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** Ada writes a prompt (frontend id {@code prompt}) and an assistant reply (frontend id {@code reply}). */
    private void adaWritesAPromptAndAReply() {
        InitialPromptTask prompt = client.fetchTask(TaskKind.INITIAL_PROMPT, ADA);
        client.ackTask(prompt.id(), "task-1");
        client.postInteraction(TextReplyToMessage.of(ADA, "task-1", "prompt", "Why is the sky blue?"));
        AssistantReplyTask reply = client.fetchTask(TaskKind.ASSISTANT_REPLY, ADA);
        client.ackTask(reply.id(), "task-2");
        client.postInteraction(TextReplyToMessage.of(ADA, "task-2", "reply", "Air scatters blue light the most."));
    }

    @Test
    void theMessagesUsersSentAreReadBackByFrontendIdWithTheirConversation() {
        adaWritesAPromptAndAReply();

        Message prompt = client.data().frontendMessages().getMessage("prompt");
        Message reply = client.data().frontendMessages().getMessage("reply");

        assertThat(prompt.text()).isEqualTo("Why is the sky blue?");
        assertThat(prompt.parentId()).isNull();
        assertThat(prompt.createdDate()).isNotNull();
        assertThat(reply.isAssistant()).isTrue();
        assertThat(reply.parentId())
                .as("the reply answers the task's conversation")
                .isNotNull();
        List<ConversationMessage> conversation =
                client.data().conversation(reply.id()).messages();
        assertThat(conversation).last().extracting(ConversationMessage::text).isEqualTo(reply.text());
        assertThat(conversation).hasSizeGreaterThan(1);
        MessageTree tree = client.data().messages().getTree(reply.id(), null, null);
        assertThat(tree.messages()).extracting(Message::id).contains(reply.id(), reply.parentId());
        assertThat(client.data().messages().getChildren(reply.parentId()))
                .extracting(Message::id)
                .contains(reply.id());
    }

    @Test
    void aUsersMessagesAreListedNewestFirstAndDeletedOnlyAsMarked() {
        adaWritesAPromptAndAReply();

        List<Message> listed = client.data().frontendUsers().getMessagesByUsername("ada", UserMessageQuery.defaults());
        assertThat(listed)
                .extracting(Message::text)
                .containsExactly("Air scatters blue light the most.", "Why is the sky blue?");

        client.data().frontendUsers().deleteMessagesByUsername("ada");

        assertThat(client.data()
                        .messages()
                        .queryMessages(MessageQuery.builder().username("ada").build()))
                .isEmpty();
        assertThat(oasst.backend().messages())
                .filteredOn(m -> m.username().equals("ada"))
                .allMatch(FakeMessage::deleted)
                .hasSize(2);
        assertThat(client.data().frontendMessages().getMessage("prompt").text())
                .as("a deleted message is still returned by id")
                .isEqualTo("Why is the sky blue?");
    }

    @Test
    void theBackendReadsAQueryObjectsValues() {
        adaWritesAPromptAndAReply();

        assertThat(client.data()
                        .frontendUsers()
                        .getMessagesByUsername(
                                "ada",
                                UserMessageQuery.builder()
                                        .desc(false)
                                        .maxCount(1)
                                        .build()))
                .extracting(Message::text)
                .as("oldest first, one")
                .containsExactly("Why is the sky blue?");
        assertThat(client.data()
                        .messages()
                        .queryMessages(MessageQuery.builder()
                                .username("ada")
                                .onlyRoots(true)
                                .build()))
                .extracting(Message::text)
                .containsExactly("Why is the sky blue?");
        assertThat(oasst.backend().received())
                .extracting(ReceivedRequest::query)
                .as("sent in the order of the request, whatever the order of the builder's calls")
                .contains("max_count=1&desc=false", "username=ada&only_roots=true");
    }

    @Test
    void statsAndTheCreatorLeaderboardsCountWhatWasWritten() {
        SystemStats before = client.data().stats().getStats();
        adaWritesAPromptAndAReply();
        SystemStats after = client.data().stats().getStats();

        assertThat(after.all() - before.all()).isGreaterThanOrEqualTo(2);
        CreatorLeaderboard prompters = client.data().leaderboards().getPrompterCreatorLeaderboard();
        CreatorLeaderboard assistants = client.data().leaderboards().getAssistantCreatorLeaderboard();
        assertThat(prompters.leaderboard())
                .filteredOn(entry -> "ada".equals(entry.username()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.score()).isEqualTo(1));
        assertThat(assistants.leaderboard())
                .filteredOn(entry -> "ada".equals(entry.username()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.score()).isEqualTo(1));
    }

    @Test
    void aTextLabelIsStoredForAnExistingMessageAndAnUnknownOneIsABadRequest() {
        adaWritesAPromptAndAReply();
        UUID prompt = client.data().frontendMessages().getMessage("prompt").id();

        client.data()
                .textLabels()
                .labelText(TextLabels.of(ADA, prompt, "Why is the sky blue?", Map.of(TextLabel.HELPFUL, 0.8)));

        assertThat(oasst.backend().messages())
                .filteredOn(m -> m.id().equals(prompt))
                .singleElement()
                .extracting(FakeMessage::labelsStored)
                .isEqualTo(1);
        OasstError unknown = catchThrowableOfType(
                OasstError.class,
                () -> client.data()
                        .textLabels()
                        .labelText(TextLabels.of(ADA, UUID.randomUUID(), "?", Map.of(TextLabel.SPAM, 0.0))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.serverMessage()).isEqualTo("Bad Request");
    }

    @Test
    void theMessageALabelTaskNamesIsThereToReadAndToLabel() {
        LabelInitialPromptTask task = client.fetchTask(TaskKind.LABEL_INITIAL_PROMPT, ADA);

        Message labelled = client.data().messages().getMessage(task.messageId());
        client.data()
                .textLabels()
                .labelText(TextLabels.of(ADA, task.messageId(), task.textToLabel(), Map.of(TextLabel.SPAM, 0.0)));

        assertThat(labelled.text()).isEqualTo(task.textToLabel());
        assertThat(oasst.backend().messages())
                .filteredOn(m -> m.id().equals(task.messageId()))
                .singleElement()
                .extracting(FakeMessage::labelsStored)
                .isEqualTo(1);
    }

    @Test
    void anUnknownMessageIsMessageNotFoundWithItsMethodAndPath() {
        UUID unknown = UUID.randomUUID();

        OasstError error = catchThrowableOfType(
                OasstError.class, () -> client.data().messages().getMessage(unknown));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.knownErrorCode()).contains(OasstErrorCode.MESSAGE_NOT_FOUND);
        assertThat(error.method()).isEqualTo("GET");
        assertThat(error.path()).isEqualTo("/api/v1/messages/" + unknown);
        assertThat(client.data().messages().getChildren(unknown))
                .as("the backend does not check that the message exists")
                .isEmpty();
    }

    @Test
    void anOperationOfNewerServersIsAClearNotFoundOnA2023Backend() {
        OasstError error =
                catchThrowableOfType(OasstError.class, () -> client.data().leaderboard(TimeFrame.WEEK, 10));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.errorCode()).isEmpty();
        assertThat(error.getMessage())
                .contains("GET /api/v1/leaderboards/week")
                .contains("the server has no such operation");
    }
}
