package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.api.OasstUserHeader;
import io.github.oasst.client.fixtures.HostileText;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code x-oasst-user} names the user a request acts for (a 2023-05 server needs it for a nack):
 * sent by the facade's forms that take a user, by every request of a per-user view, and by the
 * injected interface's methods that take one; a value that cannot go into the header unchanged is
 * refused before sending.
 */
class UserHeaderTest {
    private static final User ALICE = User.discord("1234", "Alice");
    private static final User BOB = User.local("bob", "Bob");
    private static final UUID TASK = UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10");

    private RawHttpServer server;
    private OasstClient client;

    @BeforeEach
    void start() throws Exception {
        server = RawHttpServer.start().answer(204, "");
        client = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey("test-api-key-123")
                .retryPolicy(RetryPolicy.disabled())
                .serverVersion(OasstServerVersion.V2023_05)
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private List<String> headers() {
        List<String> values = new ArrayList<>();
        for (RawHttpServer.Received request : server.received()) {
            List<String> header = request.headers().get(OasstUserHeader.NAME);
            values.add(header == null ? "(none)" : String.join(" | ", header));
        }
        return values;
    }

    @Test
    void theFacadesFormsThatTakeAUserNameIt() throws Exception {
        client.nackTask(TASK, "not shown", ALICE);
        client.ackTask(TASK, "fm-1", BOB);
        client.nackTaskAsync(TASK, "not shown", ALICE).join();
        client.nackTask(TASK, "not shown");

        assertThat(headers()).containsExactly("discord:1234", "local:bob", "discord:1234", "(none)");
        assertThat(server.received().get(0).requestLine()).isEqualTo("POST /api/v1/tasks/" + TASK + "/nack HTTP/1.1");
    }

    @Test
    void aViewNamesItsUserInEveryRequest() {
        OasstClient alice = client.forUser(ALICE);
        server.answer(200, "{\"type\":\"task_done\",\"id\":\"" + TASK + "\"}");
        catchThrowable(() -> alice.fetchTask(TaskKind.INITIAL_PROMPT));
        server.answer(204, "");
        alice.ackTask(TASK, "fm-1");
        alice.nackTask(TASK, "not shown");
        alice.nackTask(TASK, "not shown", BOB);
        alice.tasksAsyncApi().nackTask(TASK, new TaskNAck("async")).join();
        alice.postInteraction(TextReplyToMessage.of(ALICE, "fm-1", "um-1", "A reply."));
        server.answer(200, "[]");
        alice.data().frontendMessages().getChildren("fm-1");
        client.data().frontendMessages().getChildren("fm-1");

        assertThat(headers())
                .as("the view's user, but where a call names another; none from the client itself")
                .containsExactly(
                        "discord:1234",
                        "discord:1234",
                        "discord:1234",
                        "local:bob",
                        "discord:1234",
                        "discord:1234",
                        "discord:1234",
                        "(none)");
        assertThat(server.received().get(0).body())
                .asString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("\"user\":{\"id\":\"1234\"");
        assertThat(alice.user()).contains(ALICE);
        assertThat(client.user()).isEmpty();
    }

    @Test
    void theInjectedInterfaceSendsItFromAParameter() {
        client.tasksApi().nackTask(TASK, new TaskNAck("not shown"), ALICE);

        assertThat(headers()).containsExactly("discord:1234");
    }

    @Test
    void closingAViewLeavesTheClientOpen() {
        client.forUser(ALICE).close();

        client.nackTask(TASK, "not shown", ALICE);

        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aUserThatCannotBeNamedUnchangedIsRefusedBeforeSending() {
        for (User bad : List.of(
                User.discord("1234\r\nX-Injected: 1", "Alice"),
                User.discord("caf\u00e9", "Alice"),
                User.discord(" padded", "Alice"),
                new User("eve", "Eve", AuthMethod.of("disc:ord")))) {
            assertThat(catchThrowable(() -> client.tasksApi().nackTask(TASK, new TaskNAck("x"), bad)))
                    .as(bad.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("OasstTasksApi.nackTask: user must");
            assertThat(catchThrowable(() -> client.nackTask(TASK, "not shown", bad)))
                    .as(bad.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("user must");
            assertThat(catchThrowable(() -> client.forUser(bad)))
                    .as(bad.id())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void everyUserIdArrivesByteForByteOrIsRefused() {
        int sent = 0;
        for (HostileText.Case textCase : HostileText.cases(1_000)) {
            String id = textCase.text();
            if (id.isBlank()) {
                continue; // a User refuses a blank id itself
            }
            User user = User.local(id, "Someone");
            boolean printable = id.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)
                    && !Character.isWhitespace(id.charAt(0))
                    && !Character.isWhitespace(id.charAt(id.length() - 1));

            server.clear();
            Throwable viaView = catchThrowable(() -> client.nackTask(TASK, "not shown", user));
            Throwable viaTemplate = catchThrowable(() -> client.tasksApi().nackTask(TASK, new TaskNAck("x"), user));

            if (!printable) {
                assertThat(viaView).as(textCase.toString()).isInstanceOf(IllegalArgumentException.class);
                assertThat(viaTemplate).as(textCase.toString()).isInstanceOf(IllegalArgumentException.class);
                assertThat(server.received()).as(textCase.toString()).isEmpty();
                continue;
            }
            assertThat(viaView).as(textCase.toString()).isNull();
            if (id.contains("%2F")) {
                assertThat(viaTemplate)
                        .as(textCase + ": Feign's header template would send '/'")
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("OasstTasksApi.nackTask: user must not contain \"%2F\"");
                assertThat(headers()).as(textCase.toString()).containsExactly("local:" + id);
            } else {
                assertThat(viaTemplate).as(textCase.toString()).isNull();
                assertThat(headers()).as(textCase.toString()).containsExactly("local:" + id, "local:" + id);
            }
            sent++;
        }
        assertThat(sent).isGreaterThan(100);
    }
}
