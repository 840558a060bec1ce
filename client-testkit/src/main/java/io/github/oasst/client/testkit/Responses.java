package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.api.OasstErrorCode;
import java.util.List;
import java.util.Map;

/** The answers of the fake backend, shaped as the real one's. */
final class Responses {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Responses() {}

    /**
     * A complete answer; {@code headers} are all its headers. The two-argument form adds the JSON
     * {@code Content-Type} when there is a body.
     */
    record Reply(int status, String body, Map<String, String> headers) {
        Reply(int status, String body) {
            this(status, body, body.isEmpty() ? Map.of() : Map.of("Content-Type", "application/json"));
        }
    }

    static Reply json(int status, Object value) {
        try {
            return new Reply(status, MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply noContent() {
        return new Reply(204, "");
    }

    /** OASST's error object, as the backend's exception handler writes it. */
    static Reply oasstError(int status, OasstErrorCode code, String message) {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("error_code", code.code());
        error.put("message", message);
        return json(status, error);
    }

    static Reply notAuthorized() {
        return oasstError(403, OasstErrorCode.API_CLIENT_NOT_AUTHORIZED, "Could not validate credentials");
    }

    static Reply detail(int status, String detail) {
        return json(status, MAPPER.createObjectNode().put("detail", detail));
    }

    /** FastAPI's 422. */
    static Reply validation(List<ObjectNode> errors) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode detail = body.putArray("detail");
        errors.forEach(detail::add);
        return json(422, body);
    }

    // ---- pydantic v1 error entries ---------------------------------------------------------------

    static ObjectNode error(List<Object> loc, String msg, String type) {
        ObjectNode error = MAPPER.createObjectNode();
        ArrayNode location = error.putArray("loc");
        for (Object part : loc) {
            if (part instanceof Integer i) {
                location.add(i);
            } else {
                location.add(String.valueOf(part));
            }
        }
        error.put("msg", msg);
        error.put("type", type);
        return error;
    }

    static ObjectNode missing(List<Object> loc) {
        return error(loc, "field required", "value_error.missing");
    }

    static ObjectNode constMismatch(List<Object> loc, JsonNode given, List<String> permitted) {
        ObjectNode error = error(loc, "unexpected value; permitted: " + quoted(permitted), "value_error.const");
        ObjectNode ctx = error.putObject("ctx");
        ctx.set("given", given);
        ArrayNode values = ctx.putArray("permitted");
        permitted.forEach(values::add);
        return error;
    }

    static ObjectNode notEnumMember(List<Object> loc, List<String> values) {
        ObjectNode error =
                error(loc, "value is not a valid enumeration member; permitted: " + quoted(values), "type_error.enum");
        ArrayNode enumValues = error.putObject("ctx").putArray("enum_values");
        values.forEach(enumValues::add);
        return error;
    }

    static ObjectNode limit(List<Object> loc, String msg, String type, int limit) {
        ObjectNode error = error(loc, msg, type);
        error.putObject("ctx").put("limit_value", limit);
        return error;
    }

    static ObjectNode jsonDecode(String doc, int pos, String problem) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < pos && i < doc.length(); i++) {
            if (doc.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        ObjectNode error = error(
                List.of("body", pos),
                problem + ": line " + line + " column " + column + " (char " + pos + ")",
                "value_error.jsondecode");
        ObjectNode ctx = error.putObject("ctx");
        ctx.put("msg", problem);
        ctx.put("doc", doc);
        ctx.put("pos", pos);
        ctx.put("lineno", line);
        ctx.put("colno", column);
        return error;
    }

    private static String quoted(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append('\'').append(value).append('\'');
        }
        return text.toString();
    }
}
