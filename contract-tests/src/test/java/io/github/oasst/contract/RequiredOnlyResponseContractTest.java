package io.github.oasst.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.OasstData;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prism's dynamic mode always fills every optional property, so {@link
 * DataDynamicResponseContractTest} never sees an answer without one. Here each schema is served
 * with every component property that its component does not require removed: the answers have the
 * required properties only, as a server may send them, and every data operation whose answer the
 * schema describes must still decode them, into records that hold them. A record that demands a
 * property the schema leaves optional fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequiredOnlyResponseContractTest {
    static final int RESPONSES_PER_OPERATION = 10;

    private final Map<Schema, PrismServer> servers = new EnumMap<>(Schema.class);

    @BeforeAll
    void startPrism() {
        for (Schema schema : Schema.values()) {
            servers.put(schema, PrismServer.start("required-only-" + schema.date(), write(schema)));
        }
    }

    @AfterAll
    void stopPrism() {
        servers.values().forEach(PrismServer::close);
    }

    static Stream<Arguments> casesWithADescribedAnswer() {
        return DataDynamicResponseContractTest.casesWithADescribedAnswer();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesWithADescribedAnswer")
    void answersWithOnlyTheRequiredPropertiesDecode(Schema schema, DataCase dataCase) {
        ExchangeRecorder recorder = ExchangeRecorder.seeded("required-" + schema.date() + "-" + dataCase.seedName());
        List<String> failures = new ArrayList<>();
        try (ContractClient contract = new ContractClient(servers.get(schema), recorder)) {
            OasstData data = contract.client().data();
            for (int n = 0; n < RESPONSES_PER_OPERATION; n++) {
                try {
                    Object value = dataCase.call().call(data, schema);
                    Exchange exchange = recorder.last();
                    JsonMirror.mismatches(value, exchange.responseJson())
                            .forEach(difference -> failures.add("[seed " + exchange.seed() + "] " + difference));
                } catch (RuntimeException failure) {
                    failures.add("[seed " + recorder.last().seed() + "] " + failure + "\n    body: "
                            + recorder.last().responseBody());
                }
            }
        }

        assertThat(failures).as("answers with the required properties only").isEmpty();
        assertThat(recorder.exchanges()).hasSize(RESPONSES_PER_OPERATION).allSatisfy(exchange -> {
            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.hasRequestViolation()).as("%s", exchange).isFalse();
        });
    }

    @Test
    void theServedSchemasKeepOnlyTheRequiredPropertiesOfEachComponent() {
        JsonNode message = components(Schema.V2023_05).path("Message");
        JsonNode user = components(Schema.V2023_05).path("FrontEndUser");

        assertThat(names(message.path("properties"))).containsExactlyInAnyOrder("text", "is_assistant");
        assertThat(names(user.path("properties")))
                .containsExactlyInAnyOrder(
                        "id",
                        "display_name",
                        "auth_method",
                        "user_id",
                        "enabled",
                        "deleted",
                        "notes",
                        "show_on_leaderboard");
        assertThat(components(Schema.V2023_01).path("Conversation").path("properties"))
                .isEmpty();
    }

    /** A copy of the schema whose components keep only their required properties. */
    private static ObjectNode requiredOnly(Schema schema) {
        ObjectNode root = SchemaDocument.of(schema).copyOfRoot();
        root.path("components").path("schemas").forEach(RequiredOnlyResponseContractTest::keepRequired);
        return root;
    }

    /**
     * Writes {@link #requiredOnly} to a file for Prism, once: Prism watches the file and restarts
     * when it changes.
     */
    private static Path write(Schema schema) {
        ObjectNode root = requiredOnly(schema);
        Path directory = ContractSupport.reportDirectory().resolveSibling("contract-schemas");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("openapi-" + schema.date() + "-required-only.json");
            ContractSupport.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keepRequired(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("properties") instanceof ObjectNode properties) {
            Set<String> required = new HashSet<>();
            object.path("required").forEach(name -> required.add(name.asText()));
            properties.retain(required);
        }
        node.forEach(RequiredOnlyResponseContractTest::keepRequired);
    }

    private static JsonNode components(Schema schema) {
        return requiredOnly(schema).path("components").path("schemas");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
