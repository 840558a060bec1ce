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
import java.util.Map;
import java.util.Set;

/**
 * What the tests read from a schema file itself: component properties and the task union. Each
 * file is parsed once; the parsed document is shared and never changed.
 */
final class SchemaDocument {
    private static final Map<Schema, SchemaDocument> PARSED = new EnumMap<>(Schema.class);

    private final ObjectNode root;

    private SchemaDocument(ObjectNode root) {
        this.root = root;
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
