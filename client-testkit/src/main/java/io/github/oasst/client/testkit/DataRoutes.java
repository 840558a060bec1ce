package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.GENERIC_ERROR;
import static io.github.oasst.client.api.OasstErrorCode.MESSAGE_NOT_FOUND;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.testkit.MessageStore.Query;
import io.github.oasst.client.testkit.MessageStore.Stored;
import io.github.oasst.client.testkit.Responses.Reply;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-01 backend's operations outside {@code /api/v1/tasks}: messages and their trees by
 * backend or frontend id, a user's messages, deletes, text labels, stats, the experimental creator
 * leaderboards and the toxicity check, with the statuses, bodies and quirks recorded from the real
 * backend (an unknown id's children are {@code []}, a user's delete marks only the 10 newest, the
 * toxicity check fails with 500 offline). Called under the {@link BackendState}'s lock.
 */
final class DataRoutes {
    private static final String V1 = "/api/v1/";
    private static final Set<String> TREE_VIEWS = Set.of(
            "conversation", "tree", "children", "descendants", "longest_conversation_in_tree", "max_children_in_tree");
    private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final MessageStore store;

    DataRoutes(MessageStore store) {
        this.store = store;
    }

    /** The answer, or empty when the path is none of these operations. */
    Optional<Reply> handle(String method, String path, QueryParameters params, boolean authorized, String body) {
        if (!path.startsWith(V1)) {
            return Optional.empty();
        }
        String[] parts = path.substring(V1.length()).split("/", -1);
        Route route = route(parts, params, body);
        if (route == null) {
            return Optional.empty();
        }
        if (!route.methods.contains(method)) {
            return Optional.of(Responses.detail(405, "Method Not Allowed"));
        }
        if (!params.errors().isEmpty()) {
            return Optional.of(Responses.validation(params.errors()));
        }
        return Optional.of(authorized ? route.answer.answer(method) : Responses.notAuthorized());
    }

    private interface Answer {
        Reply answer(String method);
    }

    private record Route(Set<String> methods, Answer answer) {}

    /** The operation of a path, its parameters read (their errors recorded in {@code params}). */
    private @Nullable Route route(String[] parts, QueryParameters params, String body) {
        String group = parts[0];
        int size = parts.length;
        if (group.equals("text_labels") && size == 2 && parts[1].isEmpty()) {
            RequestValidation.Body labels = RequestValidation.parse(body);
            (labels.json() == null ? labels.errors() : InteractionValidation.textLabels(labels.json()))
                    .forEach(params::addError);
            return new Route(Set.of("POST"), method -> textLabels(labels.json()));
        }
        if (group.equals("stats") && size == 2 && parts[1].isEmpty()) {
            return new Route(Set.of("GET"), method -> stats());
        }
        if (group.equals("messages") && size == 2 && parts[1].isEmpty()) {
            Query query = messageQuery(params, null, null, "allow_deleted");
            String client = params.text("api_client_id");
            return new Route(
                    Set.of("GET"),
                    method -> client != null && Coercions.uuid(client) == null
                            ? Responses.json(500, serverError())
                            : Responses.json(200, messages(store.query(query))));
        }
        if (group.equals("messages") && (size == 2 || size == 3 && TREE_VIEWS.contains(parts[2]))) {
            UUID id = params.pathUuid("message_id", parts[1]);
            String view = size == 3 ? parts[2] : "";
            Set<String> methods = size == 2 ? Set.of("GET", "DELETE") : Set.of("GET");
            return new Route(methods, method -> {
                Optional<Stored> message = store.byId(id);
                if (method.equals("DELETE")) {
                    message.ifPresent(store::delete);
                    return Responses.noContent();
                }
                if (view.equals("children") && message.isEmpty()) {
                    return Responses.json(200, messages(List.of()));
                }
                return message.map(m -> view(m, view))
                        .orElseGet(() -> Responses.oasstError(404, MESSAGE_NOT_FOUND, "Message not found"));
            });
        }
        if (group.equals("frontend_messages") && (size == 2 || size == 3 && TREE_VIEWS.contains(parts[2]))) {
            String id = QueryParameters.decode(parts[1]);
            String view = size == 3 ? parts[2] : "";
            return new Route(
                    Set.of("GET"),
                    method -> store.byFrontendId(id)
                            .map(m -> view(m, view))
                            .orElseGet(() -> Responses.oasstError(
                                    404, MESSAGE_NOT_FOUND, "Message with frontend_message_id " + id + " not found.")));
        }
        if ((group.equals("users") || group.equals("frontend_users")) && size == 3 && parts[2].equals("messages")) {
            return userMessages(group.equals("users"), parts[1], params);
        }
        if (group.equals("experimental")
                && size == 4
                && parts[1].equals("leaderboards")
                && parts[2].equals("create")
                && (parts[3].equals("assistant") || parts[3].equals("prompter"))) {
            boolean assistant = parts[3].equals("assistant");
            return new Route(Set.of("GET"), method -> creators(assistant));
        }
        if (group.equals("hf") && size == 2 && parts[1].equals("text_toxicity")) {
            params.required("msg");
            // the backend asks Hugging Face; offline, as recorded, that fails with 500
            return new Route(Set.of("GET"), method -> Responses.json(500, serverError()));
        }
        return null;
    }

    /** {@code users/{user_id}/messages} or {@code frontend_users/{username}/messages}. */
    private Route userMessages(boolean byId, String pathValue, QueryParameters params) {
        UUID userId = byId ? params.pathUuid("user_id", pathValue) : null;
        String username = byId ? null : QueryParameters.decode(pathValue);
        Query query = messageQuery(params, username, userId, "include_deleted");
        return new Route(Set.of("GET", "DELETE"), method -> {
            if (method.equals("GET")) {
                return Responses.json(200, messages(store.query(query)));
            }
            // the backend re-selects the 10 newest, deleted ones included; by name, this client's only
            store.deleteNewest(new Query(
                    username,
                    userId,
                    byId ? null : MessageStore.THIS_CLIENT,
                    null,
                    null,
                    false,
                    true,
                    true,
                    MessageStore.DELETE_LIMIT));
            return Responses.noContent();
        });
    }

    private static Query messageQuery(
            QueryParameters params, @Nullable String username, @Nullable UUID userId, String deletedFlag) {
        String user = username != null ? username : params.text("username");
        // GET messages/ declares api_client_id a string (a bad one fails later, with 500)
        UUID client = deletedFlag.equals("allow_deleted")
                ? parsedOrNull(params.text("api_client_id"))
                : params.uuid("api_client_id");
        int maxCount = params.count("max_count", 10, 1000);
        return new Query(
                userId == null ? user : null,
                userId,
                client,
                params.dateTime("start_date"),
                params.dateTime("end_date"),
                params.bool("only_roots", false),
                params.bool("desc", true),
                params.bool(deletedFlag, false),
                maxCount);
    }

    /** Text labels, validated, for a message. */
    private static @Nullable UUID parsedOrNull(@Nullable String uuid) {
        return uuid == null ? null : Coercions.uuid(uuid);
    }

    private Reply textLabels(@Nullable JsonNode body) {
        UUID messageId = Coercions.uuid(body.get("message_id"));
        Optional<Stored> message = store.byId(messageId);
        if (message.isEmpty()) {
            // the backend turns its foreign-key violation into a bare HTTPException
            return Responses.detail(400, "Bad Request");
        }
        message.get().labels++;
        return Responses.noContent();
    }

    private Reply stats() {
        int[] counts = store.stats();
        ObjectNode stats = Responses.MAPPER.createObjectNode();
        stats.put("all", counts[0]);
        stats.put("active", counts[1]);
        stats.put("deleted", counts[2]);
        stats.put("message_trees", counts[3]);
        return Responses.json(200, stats);
    }

    private Reply creators(boolean assistant) {
        ObjectNode board = Responses.MAPPER.createObjectNode();
        ArrayNode entries = board.putArray("leaderboard");
        int ranking = 0;
        for (Map.Entry<MessageStore.User, Integer> creator : store.creators(assistant)) {
            ObjectNode entry = entries.addObject();
            entry.put("ranking", ++ranking);
            entry.put("user_id", creator.getKey().id().toString());
            entry.put("username", creator.getKey().username());
            entry.put("display_name", creator.getKey().displayName());
            entry.put("score", creator.getValue());
        }
        return Responses.json(200, board);
    }

    /** A message or one of its tree views, as the backend shapes each. */
    private Reply view(Stored message, String view) {
        return switch (view) {
            case "" -> Responses.json(200, message(message));
            case "conversation" -> Responses.json(200, conversation(store.conversation(message)));
            case "longest_conversation_in_tree" ->
                Responses.json(200, conversation(store.longestConversation(message)));
            case "tree" -> Responses.json(200, tree(message.treeId, store.tree(message)));
            case "children" -> Responses.json(200, messages(store.children(message.id)));
            case "descendants" -> Responses.json(200, tree(message.id, store.descendants(message)));
            case "max_children_in_tree" -> {
                List<Stored> most = store.maxChildren(message);
                yield Responses.json(200, tree(most.get(0).id, most));
            }
            default -> throw new IllegalArgumentException(view);
        };
    }

    private static ObjectNode message(Stored message) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("text", message.text);
        json.put("is_assistant", message.assistant);
        json.put("id", message.id.toString());
        json.put("parent_id", message.parentId == null ? null : message.parentId.toString());
        json.put("created_date", pythonIso(message));
        return json;
    }

    /** Python's {@code isoformat()}: no fraction when the microseconds are 0. */
    private static String pythonIso(Stored message) {
        String text = PYTHON_ISO.format(message.created);
        return message.created.getNano() == 0 ? text.substring(0, text.indexOf('.')) : text;
    }

    private static ArrayNode messages(List<Stored> messages) {
        ArrayNode array = Responses.MAPPER.createArrayNode();
        messages.forEach(m -> array.add(message(m)));
        return array;
    }

    private static ObjectNode tree(UUID id, List<Stored> messages) {
        ObjectNode tree = Responses.MAPPER.createObjectNode();
        tree.put("id", id.toString());
        tree.set("messages", messages(messages));
        return tree;
    }

    private static ObjectNode conversation(List<Stored> messages) {
        ObjectNode conversation = Responses.MAPPER.createObjectNode();
        ArrayNode array = conversation.putArray("messages");
        for (Stored message : messages) {
            array.addObject().put("text", message.text).put("is_assistant", message.assistant);
        }
        return conversation;
    }

    private static JsonNode serverError() {
        return Responses.MAPPER
                .createObjectNode()
                .put("message", "INTERNAL_SERVER_ERROR")
                .put("error_code", GENERIC_ERROR.code());
    }
}
