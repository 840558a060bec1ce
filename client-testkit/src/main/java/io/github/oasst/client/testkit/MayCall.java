package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.oasst.client.testkit.ApiClients.Client;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One request to the 2023-05 fake, as its handlers read it: path parameters, query parameters and
 * body with FastAPI's 422 entries (path first, then query, then body), the API client of its key,
 * and the user of its {@code x-oasst-user}.
 */
final class MayCall {
    final Request request;
    final MayStore store;
    final QueryParameters query;
    private final ApiClients clients;
    private final Map<String, String> pathParams;
    private @Nullable Client client;

    MayCall(Request request, MayStore store, ApiClients clients, Map<String, String> pathParams) {
        this.request = request;
        this.store = store;
        this.clients = clients;
        this.pathParams = pathParams;
        this.query = new QueryParameters(request.query());
    }

    String path(String name) {
        return pathParams.get(name);
    }

    /** A UUID path parameter; an error recorded when it is not one. */
    @Nullable
    UUID pathUuid(String name) {
        return query.pathUuid(name, path(name));
    }

    /** An enumeration path parameter; an error recorded when it is not a member. */
    String pathEnum(String name, List<String> values) {
        String value = path(name);
        if (!values.contains(value)) {
            query.addError(Responses.notEnumMember(List.of("path", name), values));
        }
        return value;
    }

    /**
     * The body: parsed JSON; the raw text (which no model accepts) when a Content-Type other than
     * JSON was sent; an error when it is missing or malformed.
     */
    RequestValidation.Body body() {
        String type = request.header("Content-Type");
        String text = request.body();
        if (type != null && !isJson(type)) {
            return text.isEmpty()
                    ? new RequestValidation.Body(null, List.of(Responses.missing(List.of("body"))))
                    : new RequestValidation.Body(TextNode.valueOf(text), List.of());
        }
        RequestValidation.Body body = RequestValidation.parse(text);
        if (body.json() != null && body.json().isNull()) {
            return new RequestValidation.Body(null, List.of(Responses.missing(List.of("body"))));
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    /** A required body validated by {@code validator}; 422 with every error so far when invalid. */
    JsonNode requiredBody(java.util.function.Function<JsonNode, List<ObjectNode>> validator) {
        RequestValidation.Body body = body();
        if (body.json() == null) {
            body.errors().forEach(query::addError);
        } else {
            validator.apply(body.json()).forEach(query::addError);
        }
        check();
        return body.json();
    }

    /** 422 with every error recorded, if any. */
    void check() {
        if (!query.errors().isEmpty()) {
            throw MayError.validation(query.errors());
        }
    }

    /** The key: {@code ?api_key=} when given, else {@code X-API-Key}. */
    @Nullable
    String apiKey() {
        String fromQuery = query.text("api_key");
        return fromQuery != null && !fromQuery.isEmpty() ? fromQuery : request.header("X-API-Key");
    }

    /** The API client of the key, or 403; 403 {@code Forbidden} too when {@code trusted} and it is not. */
    Client authenticate(boolean trusted) {
        Client known = clients.authenticate(apiKey());
        if (known == null) {
            throw MayError.notAuthorized();
        }
        if (trusted && !known.trusted()) {
            throw MayError.forbidden();
        }
        client = known;
        return known;
    }

    /** The client authenticated before. */
    Client client() {
        if (client == null) {
            throw new IllegalStateException("not authenticated");
        }
        return client;
    }

    UUID clientId() {
        return client().id();
    }

    /**
     * {@code ?oasst_user=} (when given) or {@code x-oasst-user}, split at the first colon into auth
     * method and username; null without a colon.
     */
    String @Nullable [] frontendUser() {
        String fromQuery = query.text("oasst_user");
        String value = fromQuery != null && !fromQuery.isEmpty() ? fromQuery : request.header("x-oasst-user");
        if (value == null || value.isEmpty()) {
            return null;
        }
        int colon = value.indexOf(':');
        return colon < 0 ? null : new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    /**
     * The user {@code x-oasst-user} names, null when it names none (absent, no colon or an empty
     * part); 404/4002 when the client does not know that user.
     */
    @Nullable
    MayUser viewer() {
        String[] named = frontendUser();
        if (named == null || named[0].isEmpty() || named[1].isEmpty()) {
            return null;
        }
        return knownUser(named[0], named[1]);
    }

    /** The client's user with this auth method and username, or 404/4002. */
    MayUser knownUser(String authMethod, String username) {
        MayUser user = store.user(clientId(), authMethod, username);
        if (user == null) {
            throw MayError.userNotFound();
        }
        return user;
    }
}
