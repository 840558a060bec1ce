package io.github.oasst.client.testkit;

import static io.github.oasst.client.testkit.Coercions.append;
import static io.github.oasst.client.testkit.Coercions.bool;
import static io.github.oasst.client.testkit.Coercions.integer;
import static io.github.oasst.client.testkit.Coercions.number;
import static io.github.oasst.client.testkit.Coercions.pythonFloat;
import static io.github.oasst.client.testkit.Coercions.uuid;
import static io.github.oasst.client.testkit.Responses.constMismatch;
import static io.github.oasst.client.testkit.Responses.error;
import static io.github.oasst.client.testkit.Responses.limit;
import static io.github.oasst.client.testkit.Responses.missing;
import static io.github.oasst.client.testkit.Responses.notEnumMember;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validates request bodies as the 2023-01 backend's pydantic models do, producing FastAPI's 422
 * details in the same order and words.
 */
final class RequestValidation {
    static final List<String> REQUEST_TYPES = Arrays.stream(TaskRequestType.values())
            .map(TaskRequestType::wireName)
            .toList();
    static final List<String> TEXT_LABELS =
            Arrays.stream(TextLabel.values()).map(TextLabel::wireName).toList();
    /** The auth methods the 2023-01 backend knows. */
    private static final List<String> AUTH_METHODS = List.of(AuthMethod.DISCORD.value(), AuthMethod.LOCAL.value());

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
            errors.addAll(user(user, List.of("body", "user")));
        }
        JsonNode collective = body.get("collective");
        if (collective != null && bool(collective) == null) {
            errors.add(
                    error(List.of("body", "collective"), "value could not be parsed to a boolean", "type_error.bool"));
        }
        return errors;
    }

    static List<ObjectNode> user(JsonNode user, List<Object> loc) {
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
        } else if (!method.isTextual() || !AUTH_METHODS.contains(method.textValue())) {
            errors.add(constMismatch(append(loc, "auth_method"), method, AUTH_METHODS));
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

    /**
     * The interaction union: the first member that validates wins; when none does, pydantic reports
     * the errors of every member, in order.
     */
    static List<ObjectNode> interaction(JsonNode body, List<String> memberOut) {
        if (!body.isObject()) {
            return List.of(error(List.of("body"), "value is not a valid dict", "type_error.dict"));
        }
        List<ObjectNode> all = new ArrayList<>();
        for (String member : List.of("text_reply_to_message", "message_rating", "message_ranking", "text_labels")) {
            List<ObjectNode> errors = member(body, member);
            if (errors.isEmpty()) {
                memberOut.add(member);
                return List.of();
            }
            all.addAll(errors);
        }
        return all;
    }

    /** The body of {@code POST /api/v1/text_labels/}: the interaction's text-labels member. */
    static List<ObjectNode> textLabels(JsonNode body) {
        if (!body.isObject()) {
            return List.of(error(List.of("body"), "value is not a valid dict", "type_error.dict"));
        }
        return member(body, "text_labels");
    }

    private static List<ObjectNode> member(JsonNode body, String member) {
        List<Object> loc = List.of("body");
        List<ObjectNode> errors = new ArrayList<>();
        JsonNode type = body.get("type");
        if (type != null && !(type.isTextual() && type.textValue().equals(member))) {
            errors.add(constMismatch(append(loc, "type"), type, List.of(member)));
        }
        JsonNode user = body.get("user");
        if (user == null) {
            errors.add(missing(append(loc, "user")));
        } else {
            errors.addAll(user(user, append(loc, "user")));
        }
        switch (member) {
            case "text_reply_to_message" -> {
                string(body, "message_id", loc, errors);
                string(body, "user_message_id", loc, errors);
                String text = string(body, "text", loc, errors);
                if (text != null && text.strip().isEmpty()) {
                    errors.add(limit(
                            append(loc, "text"),
                            "ensure this value has at least 1 characters",
                            "value_error.any_str.min_length",
                            1));
                }
            }
            case "message_rating" -> {
                string(body, "message_id", loc, errors);
                JsonNode rating = body.get("rating");
                if (rating == null) {
                    errors.add(missing(append(loc, "rating")));
                } else if (integer(rating) == null) {
                    errors.add(error(append(loc, "rating"), "value is not a valid integer", "type_error.integer"));
                } else if (integer(rating) <= 0) {
                    errors.add(limit(
                            append(loc, "rating"),
                            "ensure this value is greater than 0",
                            "value_error.number.not_gt",
                            0));
                }
            }
            case "message_ranking" -> {
                string(body, "message_id", loc, errors);
                JsonNode ranking = body.get("ranking");
                if (ranking == null) {
                    errors.add(missing(append(loc, "ranking")));
                } else if (!ranking.isArray()) {
                    errors.add(error(append(loc, "ranking"), "value is not a valid list", "type_error.list"));
                } else if (ranking.isEmpty()) {
                    errors.add(limit(
                            append(loc, "ranking"),
                            "ensure this value has at least 1 items",
                            "value_error.list.min_items",
                            1));
                } else {
                    for (int i = 0; i < ranking.size(); i++) {
                        if (integer(ranking.get(i)) == null) {
                            errors.add(error(
                                    append(append(loc, "ranking"), i),
                                    "value is not a valid integer",
                                    "type_error.integer"));
                        }
                    }
                }
            }
            case "text_labels" -> {
                string(body, "text", loc, errors);
                labels(body.get("labels"), append(loc, "labels"), errors);
                JsonNode messageId = body.get("message_id");
                if (messageId == null) {
                    errors.add(missing(append(loc, "message_id")));
                } else if (uuid(messageId) == null) {
                    errors.add(error(append(loc, "message_id"), "value is not a valid uuid", "type_error.uuid"));
                }
            }
            default -> throw new IllegalArgumentException(member);
        }
        return errors;
    }

    private static void labels(@Nullable JsonNode labels, List<Object> loc, List<ObjectNode> errors) {
        if (labels == null) {
            errors.add(missing(loc));
            return;
        }
        if (!labels.isObject()) {
            errors.add(error(loc, "value is not a valid dict", "type_error.dict"));
            return;
        }
        int before = errors.size();
        labels.properties().forEach(entry -> {
            if (!TEXT_LABELS.contains(entry.getKey())) {
                errors.add(notEnumMember(append(loc, "__key__"), TEXT_LABELS));
            }
            if (number(entry.getValue()) == null) {
                errors.add(error(append(loc, entry.getKey()), "value is not a valid float", "type_error.float"));
            }
        });
        if (errors.size() > before) {
            return;
        }
        labels.properties().forEach(entry -> {
            double value = number(entry.getValue());
            if (errors.size() == before && (value < 0 || value > 1)) {
                errors.add(error(
                        loc,
                        "Label values must be between 0 and 1, got " + pythonFloat(value) + " for TextLabel."
                                + entry.getKey() + ".",
                        "value_error"));
            }
        });
    }

    /** A required string field (pydantic coerces numbers); null with an error recorded when invalid. */
    private static @Nullable String string(JsonNode object, String field, List<Object> loc, List<ObjectNode> errors) {
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
