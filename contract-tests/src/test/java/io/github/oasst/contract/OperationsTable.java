package io.github.oasst.contract;

import io.github.oasst.contract.ClientOperations.ClientOperation;
import io.github.oasst.contract.OperationScope.Exclusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The markdown table of every operation of both schemas, for docs/rest-of-api.md: which schema has
 * it and which Java method calls it, or why none does. Written by {@link OperationCoverageTest} to {@code
 * target/operations.md}; {@link #main} prints it.
 */
final class OperationsTable {
    static final String HEADER =
            "| Method, path | 2023-01 | 2023-05 | Java method (Interface#method) |\n" + "|---|---|---|---|\n";

    private OperationsTable() {}

    /** Prints the table. */
    public static void main(String[] args) {
        System.out.print(markdown());
    }

    /** Where the build writes the table: {@code target/operations.md} of this module. */
    static Path file() {
        return Path.of(System.getProperty("contract.operationsTable", "target/operations.md"));
    }

    /** Writes the table to {@link #file()} and returns it. */
    static String write() {
        String table = markdown();
        Path file = file();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    static String markdown() {
        StringBuilder table = new StringBuilder(HEADER);
        for (SchemaOperation operation : OperationScope.allOperations()) {
            table.append("| `")
                    .append(operation.method())
                    .append(' ')
                    .append(operation.path())
                    .append("` | ")
                    .append(has(Schema.V2023_01, operation))
                    .append(" | ")
                    .append(has(Schema.V2023_05, operation))
                    .append(" | ")
                    .append(javaMethods(operation))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The table's row of an operation. */
    static Optional<String> row(String markdown, SchemaOperation operation) {
        String start = "| `" + operation.method() + " " + operation.path() + "` |";
        return markdown.lines().filter(line -> line.startsWith(start)).findFirst();
    }

    private static String has(Schema schema, SchemaOperation operation) {
        return SchemaDocument.of(schema).operation(operation.key()).isPresent() ? "yes" : "no";
    }

    private static String javaMethods(SchemaOperation operation) {
        Optional<Exclusion> exclusion = OperationScope.exclusionOf(operation);
        if (exclusion.isPresent() && exclusion.get().unsupported() != null) {
            return exclusion.get().unsupported();
        }
        List<ClientOperation> methods = ClientOperations.of(operation.key());
        if (methods.isEmpty()) {
            return "**missing**";
        }
        return methods.stream().map(method -> "`" + method.label() + "`").collect(Collectors.joining(", "));
    }
}
