package io.github.oasst.client.testkit;

import static io.github.oasst.client.testkit.Coercions.append;
import static io.github.oasst.client.testkit.Coercions.bool;
import static io.github.oasst.client.testkit.Coercions.integer;
import static io.github.oasst.client.testkit.Coercions.number;
import static io.github.oasst.client.testkit.Coercions.pythonFloat;
import static io.github.oasst.client.testkit.Coercions.uuid;
import static io.github.oasst.client.testkit.RequestValidation.optionalString;
import static io.github.oasst.client.testkit.RequestValidation.string;
import static io.github.oasst.client.testkit.Responses.constMismatch;
import static io.github.oasst.client.testkit.Responses.error;
import static io.github.oasst.client.testkit.Responses.limit;
import static io.github.oasst.client.testkit.Responses.missing;
import static io.github.oasst.client.testkit.Responses.notEnumMember;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.testkit.RequestValidation.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validates interactions as the backend's pydantic union does: the first member that validates
 * wins; when none does, the errors of every member, in order.
 */
final class InteractionValidation {
    private static final List<String> MEMBERS =
            List.of("text_reply_to_message", "message_rating", "message_ranking", "text_labels");

    private InteractionValidation() {}

    static List<ObjectNode> interaction(JsonNode body, List<String> memberOut) {
        return interaction(body, memberOut, Dialect.V2023_01);
    }

    /** The errors; empty, with the member that validated added to {@code memberOut}, when valid. */
    static List<ObjectNode> interaction(JsonNode body, List<String> memberOut, Dialect dialect) {
        if (!body.isObject()) {
            return List.of(error(List.of("body"), "value is not a valid dict", "type_error.dict"));
        }
        List<ObjectNode> all = new ArrayList<>();
        for (String member : MEMBERS) {
            List<ObjectNode> errors = member(body, member, dialect);
            if (errors.isEmpty()) {
                memberOut.add(member);
                return List.of();
            }
            all.addAll(errors);
        }
        return all;
    }

    static List<ObjectNode> textLabels(JsonNode body) {
        return textLabels(body, Dialect.V2023_01);
    }

    /** The body of {@code POST /api/v1/text_labels/}: the interaction's text-labels member. */
    static List<ObjectNode> textLabels(JsonNode body, Dialect dialect) {
        if (!body.isObject()) {
            return List.of(error(List.of("body"), "value is not a valid dict", "type_error.dict"));
        }
        return member(body, "text_labels", dialect);
    }

    private static List<ObjectNode> member(JsonNode body, String member, Dialect dialect) {
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
            errors.addAll(RequestValidation.user(user, append(loc, "user"), dialect));
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
                if (dialect.v2023_05()) {
                    optionalString(body, "lang", loc, errors);
                }
            }
            case "message_rating" -> {
                string(body, "message_id", loc, errors);
                rating(body.get("rating"), append(loc, "rating"), errors);
            }
            case "message_ranking" -> {
                string(body, "message_id", loc, errors);
                ranking(body.get("ranking"), append(loc, "ranking"), errors);
                if (dialect.v2023_05()) {
                    optionalBool(body, "not_rankable", loc, errors);
                }
            }
            case "text_labels" -> {
                string(body, "text", loc, errors);
                labels(body.get("labels"), append(loc, "labels"), errors, dialect.labels());
                JsonNode messageId = body.get("message_id");
                if (messageId == null) {
                    errors.add(missing(append(loc, "message_id")));
                } else if (uuid(messageId) == null) {
                    errors.add(error(append(loc, "message_id"), "value is not a valid uuid", "type_error.uuid"));
                }
                if (dialect.v2023_05()) {
                    JsonNode taskId = body.get("task_id");
                    if (taskId != null && !taskId.isNull() && uuid(taskId) == null) {
                        errors.add(error(append(loc, "task_id"), "value is not a valid uuid", "type_error.uuid"));
                    }
                    optionalBool(body, "is_report", loc, errors);
                }
            }
            default -> throw new IllegalArgumentException(member);
        }
        return errors;
    }

    private static void rating(@Nullable JsonNode rating, List<Object> loc, List<ObjectNode> errors) {
        if (rating == null) {
            errors.add(missing(loc));
        } else if (integer(rating) == null) {
            errors.add(error(loc, "value is not a valid integer", "type_error.integer"));
        } else if (integer(rating) <= 0) {
            errors.add(limit(loc, "ensure this value is greater than 0", "value_error.number.not_gt", 0));
        }
    }

    private static void ranking(@Nullable JsonNode ranking, List<Object> loc, List<ObjectNode> errors) {
        if (ranking == null) {
            errors.add(missing(loc));
        } else if (!ranking.isArray()) {
            errors.add(error(loc, "value is not a valid list", "type_error.list"));
        } else if (ranking.isEmpty()) {
            errors.add(limit(loc, "ensure this value has at least 1 items", "value_error.list.min_items", 1));
        } else {
            for (int i = 0; i < ranking.size(); i++) {
                if (integer(ranking.get(i)) == null) {
                    errors.add(error(append(loc, i), "value is not a valid integer", "type_error.integer"));
                }
            }
        }
    }

    private static void optionalBool(JsonNode body, String field, List<Object> loc, List<ObjectNode> errors) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && bool(value) == null) {
            errors.add(error(append(loc, field), "value could not be parsed to a boolean", "type_error.bool"));
        }
    }

    private static void labels(
            @Nullable JsonNode labels, List<Object> loc, List<ObjectNode> errors, List<String> names) {
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
            if (!names.contains(entry.getKey())) {
                errors.add(notEnumMember(append(loc, "__key__"), names));
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
}
