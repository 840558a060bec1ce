package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstClientBuilder;
import io.github.oasst.client.OasstJson;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 200 answer whose body breaks off while it is read (the connection ends after part of it, in the
 * middle of a list, where Jackson wraps the stream's failure in its own) is a transport failure,
 * "response truncated", not an undecodable body: a fetch is repeated and gets
 * its task, blocking or asynchronous, with either JSON library; without retries the caller is told
 * what happened. A complete body that does not parse stays a decode failure (BadResponseTest).
 */
class TruncatedBodyTest {
    /** The largest task recorded: a ranking with its conversation, which Jackson reads in nested lists. */
    private static final Exchanges.Exchange RECORDED = Exchanges.tasks2023_05().stream()
            .filter(e -> e.status() == 200 && e.responseText().contains("\"rank_assistant_replies\""))
            .max(java.util.Comparator.comparingInt(e -> e.responseText().length()))
            .orElseThrow();

    private static final User USER = User.local("alice", "Alice");

    private RawHttpServer server;
    private final List<OasstCall> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = RawHttpServer.start().answer(200, RECORDED.responseText());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static Stream<Arguments> ways() {
        Function<OasstClient, Object> blocking = client -> client.fetchTask(TaskKind.RANK_ASSISTANT_REPLIES, USER);
        Function<OasstClient, Object> async = client ->
                client.fetchTaskAsync(TaskKind.RANK_ASSISTANT_REPLIES, USER).join();
        return Stream.of(
                Arguments.of("blocking, Jackson 2", OasstJson.jackson2(), blocking),
                Arguments.of("asynchronous, Jackson 2", OasstJson.jackson2(), async),
                Arguments.of("blocking, Jackson 3", OasstJson.jackson3(), blocking),
                Arguments.of("asynchronous, Jackson 3", OasstJson.jackson3(), async));
    }

    private OasstClient client(OasstJson json, RetryPolicy policy) {
        OasstClientBuilder builder = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey("test-api-key-123")
                .json(json)
                .retryPolicy(policy)
                .listener(calls::add);
        return builder.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void aFetchWhoseBodyBreaksOffIsRepeatedAndGetsItsTask(
            String way, OasstJson json, Function<OasstClient, Object> fetch) throws Exception {
        server.cutNextAnswers(1, RECORDED.responseText().length() / 2);
        try (OasstClient client = client(
                json, RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).build())) {
            Object task = fetch.apply(client);

            assertThat(task).isInstanceOf(RankAssistantRepliesTask.class);
        }
        assertThat(server.received()).hasSize(2);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(OasstCall.Outcome.SUCCEEDED);
            assertThat(call.failedAttempts())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.RESPONSE_TRUNCATED));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void withoutRetriesTheCallerIsToldTheAnswerWasCut(String way, OasstJson json, Function<OasstClient, Object> fetch)
            throws Exception {
        server.cutNextAnswers(1, RECORDED.responseText().length() / 2); // within the conversation's messages
        Throwable failure;
        try (OasstClient client = client(json, RetryPolicy.disabled())) {
            failure = catchThrowable(() -> fetch.apply(client));
        }
        Throwable thrown = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        assertThat(thrown).isInstanceOfSatisfying(OasstTransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.RESPONSE_TRUNCATED);
            assertThat(e.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
            assertThat(e.getMessage())
                    .startsWith("response truncated (request may have reached the server)")
                    .endsWith("(POST /api/v1/tasks/)");
        });
        assertThat(((OasstException) thrown).mayHaveReachedServer()).isTrue();
        assertThat(server.received()).hasSize(1);
    }
}
