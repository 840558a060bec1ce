package io.github.oasst.contract;

import static io.github.oasst.contract.Fixtures.DISCORD_USER;
import static io.github.oasst.contract.Fixtures.FRONTEND_MESSAGE_ID;
import static io.github.oasst.contract.Fixtures.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.FetchOptions;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import io.github.oasst.contract.PrismServer.LogWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the client, with valid inputs, sends requests that Prism finds valid against
 * both schemas: no 422 with {@code sl-violations}, no {@code Violation} line in Prism's log.
 */
class RequestContractTest {
    private static final Pattern TASK_ID_IN_PATH = Pattern.compile("/api/v1/tasks/[0-9a-f-]{36}/");

    @Test
    void everyOperationSendsNoViolationAgainstSchema2023_01() {
        everyOperationSendsNoViolation(Schema.V2023_01);
    }

    @Test
    void everyOperationSendsNoViolationAgainstSchema2023_05() {
        everyOperationSendsNoViolation(Schema.V2023_05);
    }

    @Test
    void taskAvailabilityAgainstSchema2023_01FailsWithA404OasstError() {
        PrismServer server = PrismServer.of(Schema.V2023_01);
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.plain())) {
            assertThatThrownBy(() -> contract.client().taskAvailability(DISCORD_USER, null))
                    .isInstanceOfSatisfying(OasstError.class, error -> {
                        assertThat(error.status()).isEqualTo(404);
                        assertThat(error.errorCode()).isEmpty();
                        assertThat(error.failureClass()).isEqualTo(FailureClass.DEFINITE);
                        assertThat(error.method()).isEqualTo("POST");
                        assertThat(error.path()).isEqualTo("/api/v1/tasks/availability");
                    });
            assertThatThrownBy(() -> contract.client()
                            .taskAvailabilityAsync(DISCORD_USER, "en")
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            OasstError.class,
                            error -> assertThat(error.status()).isEqualTo(404));
            assertThat(contract.recorder().exchanges())
                    .extracting(Exchange::status)
                    .containsExactly(404, 404);
        }
    }

    private void everyOperationSendsNoViolation(Schema schema) {
        PrismServer server = PrismServer.of(schema);
        LogWindow log = server.logWindow();
        List<Object> answers = new ArrayList<>();
        int calls = 0;
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.plain())) {
            OasstClient client = contract.client();

            for (Fixtures.Fetch fetch : Fixtures.everyFetch()) {
                answers.add(Fixtures.fetchAnyAnswer(client, fetch));
                calls++;
            }
            answers.add(Fixtures.fetchAnyAnswerAsync(
                    client, new Fixtures.Fetch(TaskKind.RANDOM, DISCORD_USER, FetchOptions.DEFAULT)));
            calls++;

            client.ackTask(TASK_ID, FRONTEND_MESSAGE_ID);
            client.ackTaskAsync(TASK_ID, FRONTEND_MESSAGE_ID).join();
            client.nackTask(TASK_ID, "the task could not be shown");
            client.nackTaskAsync(TASK_ID, "the task could not be shown").join();
            calls += 4;

            for (Interaction interaction : Fixtures.interactions(DISCORD_USER)) {
                client.postInteraction(interaction);
                contract.api().postInteraction(interaction);
                client.postInteractionAsync(interaction).join();
                calls += 3;
            }

            client.closeTask(FRONTEND_MESSAGE_ID);
            contract.api().closeTask(new TaskClose(FRONTEND_MESSAGE_ID));
            client.closeTaskAsync(FRONTEND_MESSAGE_ID).join();
            calls += 3;

            if (schema.hasTaskAvailability()) {
                answers.add(client.taskAvailability(DISCORD_USER, null));
                answers.add(client.taskAvailability(Fixtures.LOCAL_USER, "en"));
                answers.add(client.taskAvailabilityAsync(DISCORD_USER, "de").join());
                calls += 3;
            }

            List<Exchange> exchanges = contract.recorder().exchanges();
            assertThat(exchanges).as("one exchange per call").hasSize(calls);
            ContractSupport.assertValidAndSuccessful(exchanges, schema);
            assertThat(exchanges)
                    .as("operations covered")
                    .extracting(
                            exchange -> TASK_ID_IN_PATH.matcher(exchange.path()).replaceFirst("/api/v1/tasks/{id}/"))
                    .containsAll(expectedPaths(schema));
            List<JsonNode> fetchBodies = exchanges.stream()
                    .filter(exchange -> exchange.path().equals("/api/v1/tasks/"))
                    .map(Exchange::requestJson)
                    .toList();
            assertThat(fetchBodies)
                    .as("task requests sent")
                    .extracting(body -> body.path("type").asText())
                    .containsAll(Arrays.stream(TaskRequestType.values())
                            .map(TaskRequestType::wireName)
                            .toList());
            assertThat(fetchBodies)
                    .anyMatch(body -> !body.has("user"))
                    .anyMatch(body -> body.path("collective").asBoolean())
                    .anyMatch(body -> body.path("lang").asText().equals("en"));
            assertThat(exchanges)
                    .filteredOn(exchange -> exchange.path().endsWith("/interaction"))
                    .extracting(Exchange::requestBody)
                    .allSatisfy(body -> assertThat(body).containsPattern("\"type\":\"[a-z_]+\""))
                    .anySatisfy(body -> assertThat(body).contains("\"type\":\"text_reply_to_message\""))
                    .anySatisfy(body -> assertThat(body).contains("\"type\":\"message_rating\""))
                    .anySatisfy(body -> assertThat(body).contains("\"type\":\"message_ranking\""))
                    .anySatisfy(body -> assertThat(body).contains("\"type\":\"text_labels\""));
        }
        assertThat(answers).doesNotContainNull();
        assertThat(PrismServer.violationLines(log.read()))
                .as("Violation lines in %s", server.logFile())
                .isEmpty();
    }

    private static List<String> expectedPaths(Schema schema) {
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/tasks/",
                "/api/v1/tasks/{id}/ack",
                "/api/v1/tasks/{id}/nack",
                "/api/v1/tasks/interaction",
                "/api/v1/tasks/close"));
        if (schema.hasTaskAvailability()) {
            paths.add("/api/v1/tasks/availability");
        }
        return paths;
    }
}
