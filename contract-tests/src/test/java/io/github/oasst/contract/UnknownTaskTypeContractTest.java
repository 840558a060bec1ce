package io.github.oasst.contract;

import static io.github.oasst.contract.Fixtures.DISCORD_USER;
import static io.github.oasst.contract.Fixtures.FRONTEND_MESSAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.UnknownTask;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A newer server may hand out a task type this client does not know. The 2023-05 schema with one
 * more member in its task union, {@value #FUTURE_TYPE}, stands for such a server: its tasks decode
 * to {@link UnknownTask} with every field kept, and can be acknowledged and rejected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownTaskTypeContractTest {
    static final String FUTURE_TYPE = "compare_translations";
    private static final int FETCHES = 200;

    private PrismServer server;

    @BeforeAll
    void startPrism() {
        server = PrismServer.start("future-task-type", schemaWithAFutureTaskType());
    }

    @AfterAll
    void stopPrism() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTaskTypeTheClientDoesNotKnowDecodesToUnknownTaskKeepingItsFields() {
        List<Task> tasks = new ArrayList<>();
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.seeded("future-requestTask"))) {
            for (int n = 0; n < FETCHES; n++) {
                tasks.add(contract.api().requestTask(TaskRequest.of(TaskRequestType.RANDOM, DISCORD_USER)));
            }
            List<Exchange> exchanges = contract.recorder().exchanges();
            assertThat(exchanges).hasSize(FETCHES).noneMatch(Exchange::hasRequestViolation);

            List<JsonNode> bodies =
                    exchanges.stream().map(Exchange::responseJson).toList();
            List<Integer> unknown = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                String wireType = bodies.get(i).path("type").asText();
                assertThat(tasks.get(i) instanceof UnknownTask)
                        .as(
                                "%s decoded to %s",
                                wireType, tasks.get(i).getClass().getSimpleName())
                        .isEqualTo(wireType.equals(FUTURE_TYPE));
                if (tasks.get(i) instanceof UnknownTask) {
                    unknown.add(i);
                }
            }
            assertThat(unknown).isNotEmpty();
            System.out.printf(
                    "%d of %d tasks from the schema with %s decoded to UnknownTask%n",
                    unknown.size(), FETCHES, FUTURE_TYPE);
            for (int i : unknown) {
                UnknownTask task = (UnknownTask) tasks.get(i);
                JsonNode body = bodies.get(i);
                assertThat(task.type()).isEqualTo(FUTURE_TYPE);
                assertThat(task.id().toString()).isEqualTo(body.path("id").asText());
                Set<String> otherFields = new LinkedHashSet<>();
                body.fieldNames().forEachRemaining(otherFields::add);
                otherFields.removeAll(Set.of("id", "type"));
                assertThat(task.fields()).containsOnlyKeys(otherFields);
                assertThat(task.fields().get("instructions"))
                        .isEqualTo(body.path("instructions").asText());
                assertThat(task.fields().get("candidates"))
                        .isEqualTo(ContractSupport.JSON.convertValue(body.path("candidates"), List.class));
            }
        }
    }

    @Test
    void anUnknownTaskAnswersARandomFetchAndCanBeAcknowledgedAndRejected() {
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.seeded("future-facade"))) {
            OasstClient client = contract.client();
            List<UnknownTask> fetched = new ArrayList<>();
            List<Task> unexpectedForATypedFetch = new ArrayList<>();
            for (int n = 0; n < FETCHES / 2; n++) {
                try {
                    if (client.fetchRandomTask(DISCORD_USER) instanceof UnknownTask unknown) {
                        fetched.add(unknown);
                    }
                } catch (OasstUnexpectedTaskException noTask) {
                    assertThat(noTask.noTaskAvailable())
                            .as("only task_done fails a random fetch")
                            .isTrue();
                }
                try {
                    client.fetchTask(TaskKind.INITIAL_PROMPT, DISCORD_USER);
                } catch (OasstUnexpectedTaskException other) {
                    unexpectedForATypedFetch.add(other.actual());
                }
            }
            assertThat(fetched).isNotEmpty();
            assertThat(unexpectedForATypedFetch).hasAtLeastOneElementOfType(UnknownTask.class);

            int before = contract.recorder().size();
            client.ackTask(fetched.get(0).id(), FRONTEND_MESSAGE_ID);
            client.nackTask(fetched.get(0).id(), "this frontend cannot show " + FUTURE_TYPE + " tasks");
            assertThat(contract.recorder().exchangesFrom(before))
                    .extracting(Exchange::path, Exchange::status, Exchange::violations)
                    .containsExactly(
                            tuple("/api/v1/tasks/" + fetched.get(0).id() + "/ack", 204, null),
                            tuple("/api/v1/tasks/" + fetched.get(0).id() + "/nack", 204, null));
        }
    }

    /**
     * The 2023-05 schema with a task type added to the {@code AnyTask} union that {@code POST
     * /api/v1/tasks/} answers with, written under {@code target/}.
     */
    private static Path schemaWithAFutureTaskType() {
        ObjectNode root = SchemaDocument.of(Schema.V2023_05).copyOfRoot();
        ObjectNode futureTask = root.objectNode();
        futureTask.put("title", "CompareTranslationsTask");
        futureTask.put("type", "object");
        // As in the server's own task schemas, id and type have defaults and are not required:
        // json-schema-faker drops each property that another union member requires from the
        // member it picks, so requiring them here would strip them from every other task.
        futureTask.putArray("required").add("instructions").add("candidates");
        ObjectNode properties = futureTask.putObject("properties");
        properties.putObject("id").put("type", "string").put("format", "uuid");
        ObjectNode type = properties.putObject("type");
        type.put("type", "string").put("default", FUTURE_TYPE).putArray("enum").add(FUTURE_TYPE);
        properties.putObject("instructions").put("type", "string");
        ObjectNode candidates = properties.putObject("candidates");
        candidates.put("type", "array").put("minItems", 2);
        candidates.putObject("items").put("type", "string");
        ((ObjectNode) root.path("components").path("schemas")).set("CompareTranslationsTask", futureTask);

        SchemaDocument.taskUnion(root).addObject().put("$ref", "#/components/schemas/CompareTranslationsTask");

        Path directory = ContractSupport.reportDirectory().resolveSibling("contract-schemas");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("openapi-2023-05-07-with-" + FUTURE_TYPE + ".json");
            ContractSupport.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
