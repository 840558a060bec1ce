package io.github.oasst.contract;

import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which operations of the schemas the client's data interfaces must cover, and which groups they
 * leave out and why: the {@link #EXCLUDED} constant, which the table of docs/rest-of-api.md repeats.
 */
final class OperationScope {
    /**
     * A group of operations left out of the data interfaces: those whose path starts with {@code
     * pathPrefix}, which the schemas tag {@code tag} (null: untagged).
     *
     * @param unsupported what the operations table says of them, for example {@code "not supported:
     *     admin"}; null for a group the client covers elsewhere
     */
    record Exclusion(
            String pathPrefix,
            @Nullable String tag,
            @Nullable String unsupported,
            String why) {
        boolean covers(SchemaOperation operation) {
            return operation.path().startsWith(pathPrefix);
        }
    }

    static final List<Exclusion> EXCLUDED = List.of(
            new Exclusion(
                    "/api/v1/admin/",
                    "admin",
                    "not supported: admin",
                    "administration of the backend (API clients, settings, purges, flagged messages): the root"
                            + " key's business, not a frontend's"),
            new Exclusion(
                    "/api/v1/auth/",
                    "auth",
                    "not supported: auth",
                    "the web frontend's own session check (cookie or bearer token), not an API-key client's"),
            new Exclusion(
                    "/metrics",
                    null,
                    "not supported: metrics",
                    "the backend process's Prometheus metrics, internal and outside /api/v1"),
            new Exclusion(
                    "/api/v1/tasks/",
                    "tasks",
                    null,
                    "the tasks API: OasstTasksApi and OasstTasksAsyncApi (both declare every task operation, so"
                            + " not exactly one request line), checked by RequestContractTest"));

    private OperationScope() {}

    /** The exclusion of an operation, empty when the data interfaces must cover it. */
    static Optional<Exclusion> exclusionOf(SchemaOperation operation) {
        return EXCLUDED.stream()
                .filter(exclusion -> exclusion.covers(operation))
                .findFirst();
    }

    /** Whether the interface is one of the tasks API's, which the data cases leave out. */
    static boolean isTaskApi(Class<?> api) {
        return api == OasstTasksApi.class || api == OasstTasksAsyncApi.class;
    }

    /**
     * Every operation of both schemas, once per {@linkplain SchemaOperation#key key}, sorted by path
     * and method; each as the newest schema that has it writes it.
     */
    static List<SchemaOperation> allOperations() {
        Map<String, SchemaOperation> byKey = new LinkedHashMap<>();
        for (Schema schema : List.of(Schema.V2023_05, Schema.V2023_01)) {
            for (SchemaOperation operation : SchemaDocument.of(schema).operations()) {
                byKey.putIfAbsent(operation.key(), operation);
            }
        }
        List<SchemaOperation> sorted = new ArrayList<>(byKey.values());
        sorted.sort((a, b) -> {
            int byPath = a.path().compareTo(b.path());
            return byPath != 0 ? byPath : methodRank(a.method()) - methodRank(b.method());
        });
        return sorted;
    }

    /** The operations of both schemas the data interfaces must cover. */
    static List<SchemaOperation> covered() {
        return allOperations().stream()
                .filter(operation -> exclusionOf(operation).isEmpty())
                .toList();
    }

    private static int methodRank(String method) {
        return List.of("GET", "POST", "PUT", "PATCH", "DELETE").indexOf(method);
    }
}
