package io.github.oasst.contract;

import static io.github.oasst.contract.Fixtures.DISCORD_USER;
import static io.github.oasst.contract.Fixtures.FRONTEND_MESSAGE_ID;
import static io.github.oasst.contract.Fixtures.LOCAL_USER;
import static io.github.oasst.contract.Fixtures.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.FetchOptions;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import io.github.oasst.contract.PrismServer.LogWindow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Newer protocol features go on the wire only when the caller asks for them: requests built with
 * defaults hold nothing but fields of the 2023-01 schema and are valid against it, and requests
 * with the newer fields ({@code lang}, {@code AuthMethod.GOOGLE}/{@code SYSTEM}, task
 * availability) are valid against the 2023-05 schema.
 */
class NewerProtocolOptInContractTest {
    private static final User GOOGLE_USER = new User("google-oauth2|1093", "Lin", AuthMethod.GOOGLE);
    private static final User SYSTEM_USER = new User("scheduler", "Scheduler", AuthMethod.SYSTEM);

    @Test
    void requestsBuiltWithDefaultsSendOnlyFieldsOfSchema2023_01AndAreValidAgainstIt() {
        Schema schema = Schema.V2023_01;
        PrismServer server = PrismServer.of(schema);
        LogWindow log = server.logWindow();
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.plain())) {
            OasstClient client = contract.client();
            for (TaskKind<?> kind : TaskKind.values()) {
                Fixtures.fetchAnyAnswer(client, new Fixtures.Fetch(kind, DISCORD_USER, FetchOptions.DEFAULT));
                Fixtures.fetchAnyAnswer(client, new Fixtures.Fetch(kind, LOCAL_USER, FetchOptions.DEFAULT));
            }
            client.ackTask(TASK_ID, FRONTEND_MESSAGE_ID);
            client.nackTask(TASK_ID, "not shown");
            for (Interaction interaction : Fixtures.interactions(LOCAL_USER)) {
                client.postInteraction(interaction);
            }
            client.closeTask(FRONTEND_MESSAGE_ID);

            List<Exchange> exchanges = contract.recorder().exchanges();
            assertThat(exchanges).hasSize(2 * TaskKind.values().size() + 7);
            ContractSupport.assertValidAndSuccessful(exchanges, schema);
            assertThat(exchanges)
                    .as("no request went to the availability endpoint unasked")
                    .extracting(Exchange::path)
                    .noneMatch(path -> path.endsWith("/availability"));
            assertThat(exchanges)
                    .filteredOn(exchange -> exchange.path().equals("/api/v1/tasks/")
                            || exchange.requestBody().contains(TextReplyToMessage.TYPE))
                    .hasSize(2 * TaskKind.values().size() + 1)
                    .allSatisfy(exchange ->
                            assertThat(fieldsOf(exchange.requestJson())).doesNotContain("lang"));
            assertOnlySchemaFields(exchanges, schema);
        }
        assertThat(PrismServer.violationLines(log.read())).isEmpty();
    }

    @Test
    void requestsWithNewerFieldsSendThemAndAreValidAgainstSchema2023_05() {
        Schema schema = Schema.V2023_05;
        PrismServer server = PrismServer.of(schema);
        LogWindow log = server.logWindow();
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.plain())) {
            OasstClient client = contract.client();
            for (TaskKind<?> kind : TaskKind.values()) {
                Fixtures.fetchAnyAnswer(
                        client, new Fixtures.Fetch(kind, GOOGLE_USER, FetchOptions.DEFAULT.withLang("de")));
                Fixtures.fetchAnyAnswer(
                        client,
                        new Fixtures.Fetch(
                                kind,
                                SYSTEM_USER,
                                FetchOptions.DEFAULT.withLang("fr").withCollective(true)));
            }
            client.postInteraction(
                    new TextReplyToMessage(GOOGLE_USER, FRONTEND_MESSAGE_ID, "user-message-2", "Hallo!", "de"));
            for (Interaction interaction : Fixtures.interactions(SYSTEM_USER)) {
                client.postInteraction(interaction);
            }
            Map<String, Integer> availability = client.taskAvailability(GOOGLE_USER, "de");
            assertThat(availability).isNotNull().doesNotContainValue(null);

            List<Exchange> exchanges = contract.recorder().exchanges();
            assertThat(exchanges).hasSize(2 * TaskKind.values().size() + 6);
            ContractSupport.assertValidAndSuccessful(exchanges, schema);
            assertThat(exchanges)
                    .filteredOn(exchange -> exchange.path().equals("/api/v1/tasks/"))
                    .hasSize(2 * TaskKind.values().size())
                    .allSatisfy(exchange -> assertThat(
                                    exchange.requestJson().path("lang").asText())
                            .isIn("de", "fr"));
            assertThat(exchanges)
                    .filteredOn(exchange -> exchange.requestBody().contains("\"Hallo!\""))
                    .singleElement()
                    .satisfies(exchange -> assertThat(
                                    exchange.requestJson().path("lang").asText())
                            .isEqualTo("de"));
            assertThat(exchanges)
                    .filteredOn(exchange -> exchange.path().equals("/api/v1/tasks/availability"))
                    .singleElement()
                    .satisfies(exchange -> {
                        assertThat(exchange.query()).isEqualTo("lang=de");
                        assertThat(exchange.requestJson().path("auth_method").asText())
                                .isEqualTo("google");
                    });
            assertThat(exchanges)
                    .extracting(exchange -> exchange.requestJson()
                            .path("user")
                            .path("auth_method")
                            .asText())
                    .contains("google", "system");
            assertOnlySchemaFields(exchanges, schema);
        }
        assertThat(PrismServer.violationLines(log.read())).isEmpty();
    }

    @Test
    void newerAuthMethodsAreRejectedWithAViolationBySchema2023_01() {
        PrismServer server = PrismServer.of(Schema.V2023_01);
        LogWindow log = server.logWindow();
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.plain())) {
            for (User user : List.of(GOOGLE_USER, SYSTEM_USER)) {
                assertThatThrownBy(() -> contract.client().fetchRandomTask(user))
                        .isInstanceOfSatisfying(OasstError.class, error -> {
                            assertThat(error.status()).isEqualTo(422);
                            assertThat(error.validationErrors()).isNotEmpty();
                        });
            }
            assertThat(contract.recorder().exchanges()).hasSize(2).allSatisfy(exchange -> {
                assertThat(exchange.status()).isEqualTo(422);
                assertThat(exchange.violationsOf("request"))
                        .singleElement()
                        .asString()
                        .startsWith("request.body.user.auth_method: ")
                        .contains("discord, local");
            });
        }
        assertThat(PrismServer.violationLines(log.read()))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("Violation: request.body.user.auth_method"));
    }

    /**
     * Prism accepts properties a schema does not name (none of the OASST schemas forbids them), so
     * this checks by name that each request body holds only properties of the schema's component.
     */
    private static void assertOnlySchemaFields(List<Exchange> exchanges, Schema schema) {
        SchemaDocument document = SchemaDocument.of(schema);
        Set<String> userFields = document.propertiesOf("User");
        for (Exchange exchange : exchanges) {
            JsonNode body = exchange.requestJson();
            String component = componentOf(exchange, body);
            assertThat(fieldsOf(body))
                    .as("fields of %s sent to %s", component, schema)
                    .isSubsetOf(document.propertiesOf(component));
            JsonNode user = component.equals("User") ? body : body.path("user");
            if (user.isObject()) {
                assertThat(fieldsOf(user)).as("user fields sent to %s", schema).isSubsetOf(userFields);
            }
        }
    }

    private static String componentOf(Exchange exchange, JsonNode body) {
        String path = exchange.path();
        if (path.equals("/api/v1/tasks/")) {
            return "TaskRequest";
        } else if (path.endsWith("/ack")) {
            return "TaskAck";
        } else if (path.endsWith("/nack")) {
            return "TaskNAck";
        } else if (path.endsWith("/close")) {
            return "TaskClose";
        } else if (path.endsWith("/availability")) {
            return "User";
        } else if (path.endsWith("/interaction")) {
            String interaction =
                    Fixtures.INTERACTION_COMPONENTS.get(body.path("type").asText());
            if (interaction == null) {
                throw new AssertionError("unknown interaction type in " + exchange);
            }
            return interaction;
        }
        throw new AssertionError("unexpected request " + exchange);
    }

    private static Set<String> fieldsOf(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
