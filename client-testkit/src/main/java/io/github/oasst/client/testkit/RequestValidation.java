package io.github.oasst.client.testkit;

import static io.github.oasst.client.testkit.Coercions.append;
import static io.github.oasst.client.testkit.Coercions.bool;
import static io.github.oasst.client.testkit.Responses.constMismatch;
import static io.github.oasst.client.testkit.Responses.error;
import static io.github.oasst.client.testkit.Responses.missing;
import static io.github.oasst.client.testkit.Responses.notEnumMember;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.TaskRequestType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validates request bodies as the backend's pydantic models do, producing FastAPI's 422 details in
 * the same order and words; a {@link Dialect} says which backend's models.
 */
final class RequestValidation {
    static final List<String> REQUEST_TYPES = Arrays.stream(TaskRequestType.values())
            .map(TaskRequestType::wireName)
            .toList();
    /** The 22 label names of the 2023-01 backend, in its order. */
    static final List<String> TEXT_LABELS = List.of(
            "spam",
            "violence",
            "sexual_content",
            "toxicity",
            "political_content",
            "humor",
            "sarcasm",
            "hate_speech",
            "profanity",
            "ad_hominem",
            "insult",
            "threat",
            "aggressive",
            "misleading",
            "helpful",
            "formal",
            "cringe",
            "creative",
            "beautiful",
            "informative",
            "based",
            "slang");

    /**
     * The models of one backend: its auth methods, its label names, and whether it has the 2023-05
     * fields ({@code lang} of task requests and replies, {@code task_id} and {@code is_report} of
     * labels, {@code not_rankable} of rankings).
     */
    record Dialect(List<String> authMethods, List<String> labels, boolean v2023_05) {
        static final Dialect V2023_01 =
                new Dialect(List.of(AuthMethod.DISCORD.value(), AuthMethod.LOCAL.value()), TEXT_LABELS, false);
        static final Dialect V2023_05 =
                new Dialect(List.of("discord", "google", "local", "system"), MayLabelNames.NAMES, true);
    }

    private RequestValidation() {}

    /** The parsed body, or the 422 details of a missing or malformed one. */
    record Body(@Nullable JsonNode json, List<ObjectNode> errors) {}

    static Body parse(String text) {
        if (text.isEmpty()) {
            return new Body(null, List.of(missing(List.of("body"))));
        }
        try {
            return new Body(Responses.MAPPER.readTree(text), List.of());
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int pos = location == null ? 0 : (int) Math.max(0, Math.min(text.length(), location.getCharOffset()));
            String problem =
                    pos >= text.length() ? "Expecting value" : "Expecting property name enclosed in double quotes";
            return new Body(null, List.of(Responses.jsonDecode(text, pos, problem)));
        }
    }

    // ---- models ----------------------------------------------------------------------------------

    static List<ObjectNode> taskRequest(JsonNode body) {
        return taskRequest(body, Dialect.V2023_01);
    }

    static List<ObjectNode> taskRequest(JsonNode body, Dialect dialect) {
        List<ObjectNode> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(error(List.of("body"), "value is not a valid dict", "type_error.dict"));
            return errors;
        }
        JsonNode type = body.get("type");
        if (type != null) {
            if (type.isNull()) {
                errors.add(
                        error(List.of("body", "type"), "none is not an allowed value", "type_error.none.not_allowed"));
            } else if (!type.isTextual() || !REQUEST_TYPES.contains(type.textValue())) {
                errors.add(notEnumMember(List.of("body", "type"), REQUEST_TYPES));
            }
        }
        JsonNode user = body.get("user");
        if (user != null && !user.isNull()) {
            errors.addAll(user(user, List.of("body", "user"), dialect));
        }
        JsonNode collective = body.get("collective");
        if (collective != null && bool(collective) == null) {
            errors.add(
                    error(List.of("body", "collective"), "value could not be parsed to a boolean", "type_error.bool"));
        }
        if (dialect.v2023_05()) {
            optionalString(body, "lang", List.of("body"), errors);
        }
        return errors;
    }

    static List<ObjectNode> user(JsonNode user, List<Object> loc, Dialect dialect) {
        List<ObjectNode> errors = new ArrayList<>();
        if (!user.isObject()) {
            errors.add(error(loc, "value is not a valid dict", "type_error.dict"));
            return errors;
        }
        string(user, "id", loc, errors);
        string(user, "display_name", loc, errors);
        JsonNode method = user.get("auth_method");
        if (method == null) {
            errors.add(missing(append(loc, "auth_method")));
        } else if (!method.isTextual() || !dialect.authMethods().contains(method.textValue())) {
            errors.add(constMismatch(append(loc, "auth_method"), method, dialect.authMethods()));
        }
        return errors;
    }

    /** A body with one required string field ({@code message_id} of ack and close, {@code reason} of nack). */
    static List<ObjectNode> singleString(JsonNode body, String field) {
        List<ObjectNode> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(error(List.of("body"), "value is not a valid dict", "type_error.dict"));
            return errors;
        }
        string(body, field, List.of("body"), errors);
        return errors;
    }

    /** An optional string field: absent or null is fine. */
    static void optionalString(JsonNode object, String field, List<Object> loc, List<ObjectNode> errors) {
        JsonNode value = object.get(field);
        if (value != null && !value.isNull()) {
            string(object, field, loc, errors);
        }
    }

    /** A required string field (pydantic coerces numbers); null with an error recorded when invalid. */
    static @Nullable String string(JsonNode object, String field, List<Object> loc, List<ObjectNode> errors) {
        JsonNode value = object.get(field);
        if (value == null) {
            errors.add(missing(append(loc, field)));
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.asText();
        }
        errors.add(error(
                append(loc, field),
                value.isNull() ? "none is not an allowed value" : "str type expected",
                value.isNull() ? "type_error.none.not_allowed" : "type_error.str"));
        return null;
    }
}
