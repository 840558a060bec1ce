package io.github.oasst.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.contract.ClientOperations.ClientOperation;
import io.github.oasst.contract.OperationScope.Exclusion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client's Feign interfaces against the operations of both schemas, read from the files: each
 * operation outside {@link OperationScope#EXCLUDED} has exactly one {@code @RequestLine}, and no
 * request line (or query object) names an operation or a query parameter that no schema has. Writes
 * the operations table for {@code docs/rest-of-api.md} to {@code target/operations.md}.
 */
class OperationCoverageTest {
    /**
     * The parameters of a query object that several operations share which one of them does not
     * declare, and its server ignores (as the interface says): {@code UserMessageQuery}'s {@code lang}
     * on the 2023-01 backend's messages by username, {@code UserQuery}'s {@code desc} on the frontend
     * users' list.
     */
    private static final Map<String, Set<String>> NOT_READ_FROM_A_SHARED_QUERY = Map.of(
            SchemaOperation.key("GET", "/api/v1/frontend_users/{username}/messages"), Set.of("lang"),
            SchemaOperation.key("GET", "/api/v1/frontend_users/"), Set.of("desc"));

    @Test
    void everyOperationOutsideTheExcludedGroupsHasExactlyOneRequestLine() {
        List<String> problems = new ArrayList<>();
        for (SchemaOperation operation : OperationScope.covered()) {
            List<ClientOperation> methods = ClientOperations.of(operation.key());
            if (methods.size() != 1) {
                problems.add(operation + " has " + methods.size() + " request lines " + methods);
            }
        }

        assertThat(problems)
                .as("operations of the schemas without exactly one request line")
                .isEmpty();
        assertThat(OperationScope.covered()).as("operations to cover").hasSizeGreaterThan(50);
    }

    @Test
    void everyRequestLineNamesAnOperationOfASchema() {
        assertThat(ClientOperations.all())
                .isNotEmpty()
                .allSatisfy(operation -> assertThat(Arrays.stream(Schema.values())
                                .filter(schema -> SchemaDocument.of(schema)
                                        .operation(operation.key())
                                        .isPresent()))
                        .as("schemas with the operation of %s", operation)
                        .isNotEmpty());
    }

    @Test
    void everyQueryParameterOfARequestLineIsOneASchemaDeclaresForTheOperation() {
        assertThat(ClientOperations.all()).allSatisfy(operation -> {
            Set<String> declared =
                    new LinkedHashSet<>(NOT_READ_FROM_A_SHARED_QUERY.getOrDefault(operation.key(), Set.of()));
            for (Schema schema : Schema.values()) {
                SchemaDocument.of(schema)
                        .operation(operation.key())
                        .ifPresent(found -> declared.addAll(found.queryParameters()));
            }
            assertThat(operation.queryParameters())
                    .as("query parameters of %s", operation)
                    .isSubsetOf(declared);
        });
    }

    @Test
    void theParametersAnOperationDoesNotReadAreOnlyThoseOfAQueryObjectItShares() {
        NOT_READ_FROM_A_SHARED_QUERY.forEach((key, notRead) -> {
            List<ClientOperation> methods = ClientOperations.of(key);
            assertThat(methods).as(key).hasSize(1);
            assertThat(methods.get(0).queryParameters()).as(key).containsAll(notRead);
            assertThat(Arrays.stream(Schema.values())
                            .map(schema -> SchemaDocument.of(schema).operation(key))
                            .flatMap(Optional::stream)
                            .flatMap(operation -> operation.queryParameters().stream()))
                    .as("declared by a schema for %s", key)
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(notRead);
        });
    }

    @Test
    void theUnsupportedGroupsHaveNoRequestLine() {
        List<SchemaOperation> unsupported = OperationScope.allOperations().stream()
                .filter(operation -> OperationScope.exclusionOf(operation)
                        .map(Exclusion::unsupported)
                        .isPresent())
                .toList();

        assertThat(unsupported)
                .extracting(SchemaOperation::toString)
                .contains("GET /api/v1/auth/check", "GET /metrics", "POST /api/v1/admin/api_client");
        assertThat(unsupported)
                .allSatisfy(operation -> assertThat(ClientOperations.of(operation.key()))
                        .as("request lines of %s", operation)
                        .isEmpty());
    }

    @Test
    void everyTaskOperationHasABlockingAndAnAsynchronousRequestLine() {
        List<SchemaOperation> tasks = OperationScope.allOperations().stream()
                .filter(operation -> operation.path().startsWith("/api/v1/tasks/"))
                .toList();

        assertThat(tasks).hasSize(6);
        assertThat(tasks)
                .allSatisfy(operation -> assertThat(ClientOperations.of(operation.key()))
                        .as("request lines of %s", operation)
                        .extracting(ClientOperation::api)
                        .as("the same forms in both; ack and nack also with the user header")
                        .containsOnly(OasstTasksApi.class, OasstTasksAsyncApi.class)
                        .satisfies(apis -> assertThat(apis.stream()
                                        .filter(OasstTasksApi.class::equals)
                                        .count())
                                .isEqualTo(apis.stream()
                                        .filter(OasstTasksAsyncApi.class::equals)
                                        .count())));
    }

    @Test
    void eachExcludedPathPrefixIsExactlyTheOperationsOfItsTag() {
        for (Exclusion exclusion : OperationScope.EXCLUDED) {
            for (Schema schema : Schema.values()) {
                List<SchemaOperation> operations = SchemaDocument.of(schema).operations();
                assertThat(operations)
                        .filteredOn(exclusion::covers)
                        .as("%s in %s", exclusion.pathPrefix(), schema)
                        .allSatisfy(operation -> assertThat(operation.tags())
                                .isEqualTo(exclusion.tag() == null ? List.of() : List.of(exclusion.tag())));
                assertThat(operations)
                        .filteredOn(operation -> operation.tags().contains(Objects.toString(exclusion.tag())))
                        .as("operations tagged %s in %s", exclusion.tag(), schema)
                        .allSatisfy(operation ->
                                assertThat(exclusion.covers(operation)).isTrue());
            }
        }
    }

    @Test
    void writesTheTableOfEveryOperationOfBothSchemasWithItsJavaMethod() {
        String table = OperationsTable.write();

        List<SchemaOperation> all = OperationScope.allOperations();
        assertThat(table).startsWith(OperationsTable.HEADER).doesNotContain("**missing**");
        assertThat(table.lines().count()).isEqualTo(2L + all.size());
        assertThat(all)
                .allSatisfy(operation -> assertThat(OperationsTable.row(table, operation))
                        .as("row of %s", operation)
                        .isPresent());
        assertThat(OperationsTable.row(table, operation("GET", "/api/v1/messages/{message_id}")))
                .hasValue("| `GET /api/v1/messages/{message_id}` | yes | yes | `OasstMessagesApi#getMessage` |");
        assertThat(OperationsTable.row(table, operation("GET", "/api/v1/users/{user_id}/stats/{time_frame}")))
                .hasValue("| `GET /api/v1/users/{user_id}/stats/{time_frame}` | no | yes"
                        + " | `OasstUsersApi#getUserStats(UUID, TimeFrame)` |");
        assertThat(OperationsTable.row(table, operation("DELETE", "/api/v1/frontend_users/{username}/messages")))
                .hasValue("| `DELETE /api/v1/frontend_users/{username}/messages` | yes | no"
                        + " | `OasstFrontendUsersApi#deleteMessagesByUsername` |");
        assertThat(OperationsTable.row(table, operation("GET", "/api/v1/admin/flagged_messages")))
                .hasValue("| `GET /api/v1/admin/flagged_messages` | no | yes | not supported: admin |");
        assertThat(OperationsTable.row(table, operation("POST", "/api/v1/tasks/")))
                .hasValue("| `POST /api/v1/tasks/` | yes | yes"
                        + " | `OasstTasksApi#requestTask`, `OasstTasksAsyncApi#requestTask` |");
        assertThat(OperationsTable.file()).exists();
    }

    @Test
    void theGuideHasTheTableOfTheSchemasAndInterfacesAsTheyAre() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md")) || !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        String page = Files.readString(dir.resolve("docs/rest-of-api.md"), StandardCharsets.UTF_8);

        assertThat(page)
                .as("docs/rest-of-api.md holds target/operations.md as it is (paste it there)")
                .contains(OperationsTable.markdown());
    }

    private static SchemaOperation operation(String method, String path) {
        return new SchemaOperation(method, path, List.of(), Set.of(), SchemaOperation.ResponseBody.NONE);
    }
}
