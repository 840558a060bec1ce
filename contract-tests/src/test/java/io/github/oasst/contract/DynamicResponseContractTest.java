package io.github.oasst.contract;

import static io.github.oasst.contract.Fixtures.DISCORD_USER;
import static io.github.oasst.contract.Fixtures.FRONTEND_MESSAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.LabelTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.UnknownTask;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import io.github.oasst.contract.PrismServer.LogWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prism's dynamic mode generates random responses from each schema (json-schema-faker: every
 * optional property present, extra unknown properties added to open objects, a random member of
 * each union). At least {@value #RESPONSES_PER_OPERATION} of them per operation and schema must
 * decode without an exception. Seeds are fixed ({@code Prefer: dynamic=true,
 * seed=<schema>-<operation>-<n>}), so a failure names the seed that reproduces it; the tallies go
 * to {@code target/contract-reports/dynamic-responses.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamicResponseContractTest {
    static final int RESPONSES_PER_OPERATION = 200;
    /** More fetches than the minimum, so that every member of the 15-type union shows up. */
    static final int FETCHES = 300;

    private static final List<String> OPERATIONS =
            List.of("requestTask", "ackTask", "nackTask", "postInteraction", "closeTask", "taskAvailability");

    private final Map<Schema, List<FetchedTask>> fetched = new EnumMap<>(Schema.class);
    private final Map<String, OperationTally> tallies = new LinkedHashMap<>();

    /** A decoded task and the raw body it came from. */
    record FetchedTask(Task task, JsonNode body, Exchange exchange) {}

    @ParameterizedTest(name = "{0}")
    @EnumSource(Schema.class)
    void everyGeneratedTaskDecodes(Schema schema) {
        List<FetchedTask> tasks = fetchedTasks(schema);
        OperationTally tally = tallies.get(key(schema, "requestTask"));

        assertThat(tally.failures()).as("responses that did not decode").isEmpty();
        assertThat(tally.requestViolations()).isEmpty();
        assertThat(tally.decoded()).isEqualTo(FETCHES).isGreaterThanOrEqualTo(RESPONSES_PER_OPERATION);
        assertThat(tasks).allSatisfy(fetchedTask -> {
            assertThat(fetchedTask.exchange().status()).isEqualTo(200);
            assertThat(fetchedTask.task().id().toString())
                    .isEqualTo(fetchedTask.body().path("id").asText());
        });
        // a seed per request varies the answers: with Prism's --seed alone, all would be the same
        assertThat(tasks).extracting(fetchedTask -> fetchedTask.task().id()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Schema.class)
    void everyMemberOfTheTaskUnionDecodesToItsOwnRecord(Schema schema) {
        List<FetchedTask> tasks = fetchedTasks(schema);

        assertThat(tasks).allSatisfy(fetchedTask -> {
            assertThat(fetchedTask.task()).isNotInstanceOf(UnknownTask.class);
            assertThat(fetchedTask.task().type())
                    .as("record %s", fetchedTask.task().getClass().getSimpleName())
                    .isEqualTo(fetchedTask.body().path("type").asText());
        });
        assertThat(tasks.stream().map(fetchedTask -> fetchedTask.task().type()).distinct())
                .as("task types decoded, against the schema's AnyTask union")
                .containsExactlyInAnyOrderElementsOf(SchemaDocument.of(schema).taskUnionTypes());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Schema.class)
    void everyAckAndNackAnswerDecodes(Schema schema) {
        List<UUID> taskIds =
                fetchedTasks(schema).stream().map(task -> task.task().id()).toList();

        OperationTally acks = run(schema, "ackTask", (api, n) -> {
            api.ackTask(taskIds.get(n % taskIds.size()), new TaskAck("frontend-message-" + n));
            return null;
        });
        OperationTally nacks = run(schema, "nackTask", (api, n) -> {
            api.nackTask(taskIds.get(n % taskIds.size()), new TaskNAck("could not show task " + n));
            return null;
        });

        for (OperationTally tally : List.of(acks, nacks)) {
            assertThat(tally.failures()).as(tally.operation()).isEmpty();
            assertThat(tally.requestViolations()).as(tally.operation()).isEmpty();
            assertThat(tally.decoded()).as(tally.operation()).isEqualTo(RESPONSES_PER_OPERATION);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Schema.class)
    void everyInteractionAndCloseAnswerIsAccepted(Schema schema) {
        List<Interaction> interactions = Fixtures.interactions(DISCORD_USER);

        OperationTally posts = run(schema, "postInteraction", (api, n) -> {
            api.postInteraction(interactions.get(n % interactions.size()));
            return null;
        });
        OperationTally closes = run(schema, "closeTask", (api, n) -> {
            api.closeTask(new TaskClose(FRONTEND_MESSAGE_ID + "-" + n));
            return null;
        });

        for (OperationTally tally : List.of(posts, closes)) {
            assertThat(tally.failures()).as(tally.operation()).isEmpty();
            assertThat(tally.requestViolations()).as(tally.operation()).isEmpty();
            assertThat(tally.decoded()).as(tally.operation()).isEqualTo(RESPONSES_PER_OPERATION);
        }
    }

    @Test
    void everyTaskAvailabilityAnswerOfSchema2023_05Decodes() {
        Schema schema = Schema.V2023_05;
        List<Map<String, Integer>> answers = new ArrayList<>();
        OperationTally tally = run(schema, "taskAvailability", (api, n) -> {
            Map<String, Integer> answer = api.taskAvailability(n % 2 == 0 ? "en" : null, DISCORD_USER);
            answers.add(answer);
            return answer;
        });

        assertThat(tally.failures()).isEmpty();
        assertThat(tally.requestViolations()).isEmpty();
        assertThat(tally.decoded()).isEqualTo(RESPONSES_PER_OPERATION);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContainValue(null));
        assertThat(answers).anySatisfy(answer -> assertThat(answer).isNotEmpty());
    }

    @Test
    void labelTasksOfSchema2023_05DecodeModeDispositionMandatoryLabelsAndConversation() {
        List<FetchedTask> labelTasks = fetchedTasks(Schema.V2023_05).stream()
                .filter(fetchedTask -> fetchedTask.task() instanceof LabelTask)
                .toList();

        assertThat(labelTasks)
                .extracting(fetchedTask -> fetchedTask.task().type())
                .contains(
                        "label_initial_prompt",
                        "label_conversation_reply",
                        "label_prompter_reply",
                        "label_assistant_reply");
        assertThat(labelTasks).allSatisfy(fetchedTask -> {
            LabelTask task = (LabelTask) fetchedTask.task();
            JsonNode body = fetchedTask.body();
            assertThat(task.mode()).isNotNull();
            assertThat(task.mode().value())
                    .isEqualTo(body.path("mode").asText())
                    .isIn("simple", "full");
            assertThat(task.disposition()).isNotNull();
            assertThat(task.disposition().value())
                    .isEqualTo(body.path("disposition").asText())
                    .isIn("quality", "spam");
            assertThat(task.mandatoryLabels()).isEqualTo(texts(body.path("mandatory_labels")));
            assertThat(task.validLabels()).isEqualTo(texts(body.path("valid_labels")));
            assertThat(task.conversation()).isNotNull();
            assertThat(task.conversation().messages())
                    .hasSameSizeAs(texts(body.path("conversation").path("messages"), "text"));
            assertThat(task.messageId().toString())
                    .isEqualTo(body.path("message_id").asText());
        });
        assertThat(labelTasks)
                .as("some label task with mandatory labels")
                .anySatisfy(fetchedTask -> assertThat(((LabelTask) fetchedTask.task()).mandatoryLabels())
                        .isNotEmpty());
    }

    @Test
    void labelTasksOfSchema2023_01DecodeWithoutTheNewerFields() {
        List<FetchedTask> labelTasks = fetchedTasks(Schema.V2023_01).stream()
                .filter(fetchedTask -> fetchedTask.task() instanceof LabelTask)
                .toList();

        assertThat(labelTasks).isNotEmpty();
        assertThat(labelTasks).allSatisfy(fetchedTask -> {
            LabelTask task = (LabelTask) fetchedTask.task();
            JsonNode body = fetchedTask.body();
            assertThat(task.mode()).isNull();
            assertThat(task.disposition()).isNull();
            assertThat(task.mandatoryLabels()).isEmpty();
            assertThat(task.validLabels()).isEqualTo(texts(body.path("valid_labels")));
            String text = task instanceof LabelInitialPromptTask
                    ? body.path("prompt").asText()
                    : body.path("reply").asText();
            assertThat(task.textToLabel()).isEqualTo(text);
        });
    }

    // ---- runs -----------------------------------------------------------------------------

    /** One call of an operation, the n-th of its run; returns what the client decoded. */
    @FunctionalInterface
    private interface Call {
        @Nullable
        Object call(OasstTasksApi api, int n);
    }

    /** Calls an operation {@value #RESPONSES_PER_OPERATION} times with fresh seeds and tallies the outcomes. */
    private OperationTally run(Schema schema, String operation, Call call) {
        return run(schema, operation, RESPONSES_PER_OPERATION, call, (exchange, value) -> {});
    }

    private OperationTally run(
            Schema schema, String operation, int times, Call call, BiConsumer<Exchange, @Nullable Object> each) {
        OperationTally tally = new OperationTally(operation);
        tallies.put(key(schema, operation), tally);
        PrismServer server = PrismServer.of(schema);
        LogWindow log = server.logWindow();
        ExchangeRecorder recorder = ExchangeRecorder.seeded(schema.date() + "-" + operation);
        try (ContractClient contract = new ContractClient(server, recorder)) {
            for (int n = 0; n < times; n++) {
                int before = recorder.size();
                Object value;
                try {
                    value = call.call(contract.api(), n);
                } catch (RuntimeException failure) {
                    assertThat(recorder.size()).as("an exchange per call").isEqualTo(before + 1);
                    tally.failed(recorder.last(), failure);
                    continue;
                }
                assertThat(recorder.size()).as("an exchange per call").isEqualTo(before + 1);
                Exchange exchange = recorder.last();
                tally.decoded(exchange, value);
                each.accept(exchange, value);
            }
        }
        assertThat(PrismServer.violationLines(log.read()))
                .as("request Violation lines in %s", server.logFile())
                .noneMatch(line -> line.contains("Violation: request"));
        return tally;
    }

    /** The tasks of {@value #FETCHES} fetches, decoded once per schema and shared by the tests. */
    private synchronized List<FetchedTask> fetchedTasks(Schema schema) {
        return fetched.computeIfAbsent(schema, this::fetchTasks);
    }

    private List<FetchedTask> fetchTasks(Schema schema) {
        List<Fixtures.Fetch> variants = Fixtures.everyFetch();
        List<FetchedTask> tasks = new ArrayList<>();
        run(
                schema,
                "requestTask",
                FETCHES,
                (api, n) -> {
                    Fixtures.Fetch fetch = variants.get(n % variants.size());
                    return api.requestTask(new TaskRequest(
                            fetch.kind().requestType(),
                            fetch.user(),
                            fetch.options().collective(),
                            fetch.options().lang()));
                },
                (exchange, value) -> tasks.add(new FetchedTask((Task) value, exchange.responseJson(), exchange)));
        return List.copyOf(tasks);
    }

    // ---- report ---------------------------------------------------------------------------

    @AfterAll
    void writeReport() {
        StringBuilder report = new StringBuilder()
                .append("Prism dynamic responses decoded by the client, per schema and operation\n")
                .append("(dynamic responses: Prefer: dynamic=true, seed=<schema date>-<operation>-<n>, n from 1)\n");
        for (Schema schema : Schema.values()) {
            report.append('\n').append(schema).append('\n');
            for (String operation : OPERATIONS) {
                OperationTally tally = tallies.get(key(schema, operation));
                if (tally != null) {
                    report.append(tally.report());
                }
            }
        }
        System.out.print(report);
        Path directory = ContractSupport.reportDirectory();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("dynamic-responses.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    private static String key(Schema schema, String operation) {
        return schema.date() + " " + operation;
    }

    private static List<String> texts(JsonNode array) {
        return texts(array, null);
    }

    private static List<String> texts(JsonNode array, @Nullable String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array) {
            texts.add(field == null ? item.asText() : item.path(field).asText());
        }
        return texts;
    }
}
