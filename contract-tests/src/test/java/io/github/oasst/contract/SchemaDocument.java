package io.github.oasst.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the tests read from a schema file itself: its operations, component properties and the task
 * union. Each file is parsed once; the parsed document is shared and never changed.
 */
final class SchemaDocument {
    private static final Map<Schema, SchemaDocument> PARSED = new EnumMap<>(Schema.class);

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final ObjectNode root;
    private final List<SchemaOperation> operations;

    private SchemaDocument(ObjectNode root) {
        this.root = root;
        this.operations = readOperations(root);
    }

    static synchronized SchemaDocument of(Schema schema) {
        return PARSED.computeIfAbsent(schema, SchemaDocument::parse);
    }

    private static SchemaDocument parse(Schema schema) {
        try {
            JsonNode root = ContractSupport.JSON.readTree(schema.file().toFile());
            if (!(root instanceof ObjectNode object)) {
                throw new IllegalStateException("not a JSON object: " + schema.file());
            }
            return new SchemaDocument(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy of the whole document, to change without touching the shared one. */
    ObjectNode copyOfRoot() {
        return root.deepCopy();
    }

    /**
     * The {@code anyOf} of the {@code AnyTask} union that {@code POST /api/v1/tasks/} answers
     * with, in a document's root: {@code $ref}s to the member components.
     */
    static ArrayNode taskUnion(JsonNode root) {
        JsonNode union = root.path("paths")
                .path("/api/v1/tasks/")
                .path("post")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("anyOf");
        if (!(union instanceof ArrayNode members) || members.isEmpty()) {
            throw new IllegalStateException("no task union in the schema");
        }
        return members;
    }

    /** Every operation of the schema, in the schema's order. */
    List<SchemaOperation> operations() {
        return operations;
    }

    /** The operation of a {@linkplain SchemaOperation#key key}, empty when the schema has none. */
    Optional<SchemaOperation> operation(String key) {
        return operations.stream()
                .filter(operation -> operation.key().equals(key))
                .findFirst();
    }

    private static List<SchemaOperation> readOperations(JsonNode root) {
        List<SchemaOperation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<String> tags = new ArrayList<>();
                operation.path("tags").forEach(tag -> tags.add(tag.asText()));
                Set<String> query = new LinkedHashSet<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("query")) {
                        query.add(parameter.path("name").asText());
                    }
                }
                found.add(new SchemaOperation(
                        method.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        tags,
                        query,
                        responseBody(operation.path("responses"))));
            }
        }
        return List.copyOf(found);
    }

    private static SchemaOperation.ResponseBody responseBody(JsonNode responses) {
        for (Map.Entry<String, JsonNode> code : responses.properties()) {
            if (!code.getKey().startsWith("2")) {
                continue;
            }
            JsonNode schema =
                    code.getValue().path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return SchemaOperation.ResponseBody.NONE;
            }
            return schema.isEmpty() ? SchemaOperation.ResponseBody.UNDESCRIBED : SchemaOperation.ResponseBody.DESCRIBED;
        }
        return SchemaOperation.ResponseBody.NONE;
    }

    /** The property names of a component schema, for example {@code TaskRequest}. */
    Set<String> propertiesOf(String component) {
        JsonNode properties = component(component).path("properties");
        Set<String> names = new LinkedHashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The task types of the {@code AnyTask} union that {@code POST /api/v1/tasks/} answers with,
     * in the schema's order: the {@code type} enum of each member.
     */
    List<String> taskUnionTypes() {
        List<String> types = new ArrayList<>();
        for (JsonNode member : taskUnion(root)) {
            String ref = member.path("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            types.add(component(name)
                    .path("properties")
                    .path("type")
                    .path("enum")
                    .path(0)
                    .asText());
        }
        return types;
    }

    private JsonNode component(String name) {
        JsonNode component = root.path("components").path("schemas").path(name);
        if (component.isMissingNode()) {
            throw new IllegalArgumentException("no component schema " + name);
        }
        return component;
    }
}
