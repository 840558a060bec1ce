package io.github.oasst.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the tests read from a schema file itself: component properties and the task union. */
final class SchemaDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private SchemaDocument(JsonNode root) {
        this.root = root;
    }

    static SchemaDocument of(Schema schema) {
        try {
            return new SchemaDocument(JSON.readTree(schema.file().toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        JsonNode union = root.path("paths")
                .path("/api/v1/tasks/")
                .path("post")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("anyOf");
        List<String> types = new ArrayList<>();
        for (JsonNode member : union) {
            String ref = member.path("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            types.add(component(name)
                    .path("properties")
                    .path("type")
                    .path("enum")
                    .path(0)
                    .asText());
        }
        if (types.isEmpty()) {
            throw new IllegalStateException("no task union in the schema");
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
