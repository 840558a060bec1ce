package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task of a type this version of the client does not know, sent by a newer server. It keeps the
 * type, the id and every other field, so a frontend can still acknowledge or reject it.
 *
 * @param type the task type's wire name
 * @param id the task id
 * @param fields the task's other fields as decoded JSON: maps, lists, strings, numbers, booleans and
 *     nulls
 */
public record UnknownTask(
        @JsonProperty("type") String type,
        @JsonProperty("id") UUID id,
        @JsonAnySetter @JsonAnyGetter Map<String, @Nullable Object> fields)
        implements Task {

    public UnknownTask(String type, UUID id, @Nullable Map<String, @Nullable Object> fields) {
        this.type = Checks.notBlank(type, "task type");
        this.id = Checks.notNull(id, "task id");
        // Map.copyOf refuses null values, which JSON fields may hold.
        this.fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
