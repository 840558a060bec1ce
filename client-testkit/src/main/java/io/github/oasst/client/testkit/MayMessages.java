package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.MESSAGE_NOT_FOUND;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.testkit.MayRouter.Auth;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/messages} and {@code /api/v1/frontend_messages} of the 2023-05 fake: messages by
 * id (any client's) or by frontend id (the caller's client only), their conversations and trees,
 * the lists and cursors, deletes and undeletes, tree states and emojis, as that backend answers
 * them. Called under the backend's lock.
 */
final class MayMessages {
    private static final List<String> VIEWS = List.of(
            "conversation", "tree", "children", "descendants", "longest_conversation_in_tree", "max_children_in_tree");
    private static final List<String> EMOJIS = List.of(
            "+1",
            "-1",
            "red_flag",
            "100",
            "rofl",
            "clap",
            "diamond",
            "heart_eyes",
            "disappointed",
            "poop",
            "skull",
            "_skip_reply",
            "_skip_ranking",
            "_skip_labeling");

    private final MayStore store;
    private final MayTreeRules rules;

    MayMessages(MayStore store, MayTreeRules rules) {
        this.store = store;
        this.rules = rules;
    }

    void routes(MayRouter router) {
        router.add("GET", "/api/v1/messages/", Auth.KEY, this::list);
        router.add("GET", "/api/v1/messages/cursor", Auth.KEY, call -> cursor(call, new MayQueries.Filter()));
        router.add("GET", "/api/v1/messages/{message_id}", Auth.KEY, call -> byId(call, ""));
        for (String view : VIEWS) {
            router.add("GET", "/api/v1/messages/{message_id}/" + view, Auth.KEY, call -> byId(call, view));
            if (view.equals("tree")) {
                router.add("GET", "/api/v1/messages/{message_id}/tree/state", Auth.KEY, this::treeState);
                router.add("PUT", "/api/v1/messages/{message_id}/tree/state", Auth.TRUSTED, this::halt);
            }
        }
        router.add("DELETE", "/api/v1/messages/{message_id}", Auth.TRUSTED, this::delete);
        router.add("PUT", "/api/v1/messages/{message_id}/undelete", Auth.KEY, this::undelete);
        router.add("POST", "/api/v1/messages/{message_id}/emoji", Auth.KEY, this::emoji);
        router.add("GET", "/api/v1/frontend_messages/{message_id}", Auth.KEY, call -> byFrontendId(call, ""));
        for (String view : VIEWS) {
            router.add(
                    "GET",
                    "/api/v1/frontend_messages/{message_id}/" + view,
                    Auth.KEY,
                    call -> byFrontendId(call, view));
        }
    }

    /** The query parameters every user-message list reads after its own, in the schema's order. */
    static MayQueries.Filter listFilter(MayCall call, MayQueries.Filter filter, String deletedFlag) {
        filter.limit = call.query.count("max_count", 10, 1000);
        filter.gte = offset(call.query.dateTime("start_date"));
        filter.lte = offset(call.query.dateTime("end_date"));
        filter.onlyRoots = call.query.bool("only_roots", false);
        filter.desc = call.query.bool("desc", true);
        filter.deleted = call.query.bool(deletedFlag, false) ? null : Boolean.FALSE;
        filter.lang = call.query.text("lang");
        return filter;
    }

    static java.time.@Nullable OffsetDateTime offset(java.time.@Nullable LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(java.time.ZoneOffset.UTC);
    }

    private Reply list(MayCall call) {
        MayQueries.Filter filter = new MayQueries.Filter();
        filter.authMethod = call.query.text("auth_method");
        filter.username = call.query.text("username");
        filter.apiClientId = call.query.text("api_client_id");
        listFilter(call, filter, "allow_deleted");
        call.check();
        MayUser viewer = call.viewer();
        return Responses.json(200, MayShapes.messages(MayQueries.query(call, filter), viewer));
    }

    /** {@code GET .../cursor}: the filter's own parameters already read. */
    static Reply cursor(MayCall call, MayQueries.Filter filter) {
        String before = call.query.text("before");
        String after = call.query.text("after");
        if (filter.userId == null && filter.username == null) {
            filter.userId = call.query.uuid("user_id");
            filter.authMethod = call.query.text("auth_method");
            filter.username = call.query.text("username");
            filter.apiClientId = call.query.text("api_client_id");
        }
        filter.onlyRoots = call.query.bool("only_roots", false);
        filter.deleted = call.query.bool("include_deleted", false) ? null : Boolean.FALSE;
        int maxCount = call.query.count("max_count", 10, 1000);
        boolean desc = call.query.bool("desc", false);
        filter.lang = call.query.text("lang");
        boolean includeUser = call.query.bool("include_user", false);
        call.check();
        return Responses.json(200, MayQueries.page(call, filter, before, after, maxCount, desc, includeUser));
    }

    private Reply byId(MayCall call, String view) {
        UUID id = call.pathUuid("message_id");
        boolean includeSpam = view.equals("tree") && call.query.bool("include_spam", true);
        boolean includeDeleted = view.equals("tree") && call.query.bool("include_deleted", false);
        call.check();
        MayUser viewer = call.viewer();
        if (view.equals("children")) {
            List<MayMessage> children =
                    store.children(id).stream().filter(m -> !m.deleted).toList();
            return Responses.json(200, MayShapes.messages(children, viewer));
        }
        return view(store.existing(id), view, viewer, includeSpam, includeDeleted);
    }

    private Reply byFrontendId(MayCall call, String view) {
        String id = call.path("message_id");
        boolean includeSpam = view.equals("tree") && call.query.bool("include_spam", true);
        boolean includeDeleted = view.equals("tree") && call.query.bool("include_deleted", false);
        call.check();
        MayMessage message = store.byFrontendId(call.clientId(), id);
        if (message == null) {
            throw MayError.of(404, MESSAGE_NOT_FOUND, "Message with frontend_message_id " + id + " not found.");
        }
        if (view.equals("children")) {
            List<MayMessage> children =
                    store.children(message.id).stream().filter(m -> !m.deleted).toList();
            return Responses.json(200, MayShapes.messages(children, null));
        }
        return view(message, view, null, includeSpam, includeDeleted);
    }

    private Reply view(
            MayMessage message, String view, @Nullable MayUser viewer, boolean includeSpam, boolean includeDeleted) {
        return switch (view) {
            case "" -> Responses.json(200, MayShapes.message(message, viewer, false));
            case "conversation" ->
                Responses.json(200, MayShapes.conversation(MayQueries.conversation(store, message), viewer));
            case "tree" ->
                Responses.json(
                        200,
                        MayShapes.tree(
                                message.treeId,
                                MayQueries.tree(store, message.treeId, includeSpam, includeDeleted),
                                viewer));
            case "descendants" ->
                Responses.json(200, MayShapes.tree(message.id, MayQueries.descendants(store, message), viewer));
            case "longest_conversation_in_tree" ->
                Responses.json(200, MayShapes.conversation(MayQueries.longestConversation(store, message), viewer));
            case "max_children_in_tree" -> {
                List<MayMessage> most = MayQueries.maxChildren(store, message);
                yield Responses.json(200, MayShapes.tree(most.get(0).id, most, viewer));
            }
            default -> throw new IllegalArgumentException(view);
        };
    }

    private Reply treeState(MayCall call) {
        UUID id = call.pathUuid("message_id");
        call.check();
        call.viewer();
        return Responses.json(200, MayShapes.treeState(store.tree(store.existing(id).treeId)));
    }

    private Reply halt(MayCall call) {
        UUID id = call.pathUuid("message_id");
        boolean halt = call.query.requiredBool("halt");
        call.check();
        call.viewer();
        MayTree tree = store.tree(store.existing(id).treeId);
        if (halt) {
            tree.enter(MayTree.HALTED_BY_MODERATOR);
        } else if (!tree.state.equals(MayTree.PROMPT_LOTTERY_WAITING)) {
            if (tree.wonLottery) {
                tree.enter(MayTree.GROWING);
                rules.checkRanking(tree);
            } else {
                tree.enter(MayTree.INITIAL_PROMPT_REVIEW);
                MayMessage root = store.message(tree.id);
                if (root != null && Boolean.TRUE.equals(root.reviewResult)) {
                    tree.enter(MayTree.PROMPT_LOTTERY_WAITING);
                }
            }
        }
        return Responses.json(200, MayShapes.treeState(tree));
    }

    private Reply delete(MayCall call) {
        UUID id = call.pathUuid("message_id");
        call.check();
        call.viewer();
        MayMessage message = store.message(id);
        if (message != null) {
            markDeleted(store, List.of(message));
        }
        return Responses.noContent();
    }

    /** Marks the messages and everything below them deleted. */
    static void markDeleted(MayStore store, List<MayMessage> messages) {
        for (MayMessage message : messages) {
            message.deleted = true;
            MayQueries.descendants(store, message).forEach(m -> m.deleted = true);
        }
    }

    private Reply undelete(MayCall call) {
        UUID id = call.pathUuid("message_id");
        call.check();
        call.viewer();
        MayMessage message = store.message(id);
        if (message == null) {
            // the parent look-up indexes the missing row
            throw MayError.serverError();
        }
        for (MayMessage at = message; at != null; at = store.message(at.parentId)) {
            at.deleted = false;
        }
        return new Reply(202, "null");
    }

    private Reply emoji(MayCall call) {
        UUID id = call.pathUuid("message_id");
        JsonNode body = call.requiredBody(MayMessages::emojiBody);
        MayUser user = MayTasks.enabledUser(store.lookup(call.clientId(), body.get("user")));
        MayMessage message = store.existing(id);
        JsonNode op = body.get("op");
        emoji(
                message,
                user,
                op == null ? "toggle" : op.textValue(),
                body.get("emoji").textValue());
        return Responses.json(202, MayShapes.message(message, user, false));
    }

    private static List<com.fasterxml.jackson.databind.node.ObjectNode> emojiBody(JsonNode body) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> errors = new java.util.ArrayList<>();
        if (!body.isObject()) {
            return List.of(Responses.error(List.of("body"), "value is not a valid dict", "type_error.dict"));
        }
        JsonNode user = body.get("user");
        if (user == null) {
            errors.add(Responses.missing(List.of("body", "user")));
        } else {
            errors.addAll(RequestValidation.user(user, List.of("body", "user"), RequestValidation.Dialect.V2023_05));
        }
        JsonNode op = body.get("op");
        if (op != null && !(op.isTextual() && List.of("toggle", "add", "remove").contains(op.textValue()))) {
            errors.add(Responses.notEnumMember(List.of("body", "op"), List.of("toggle", "add", "remove")));
        }
        JsonNode emoji = body.get("emoji");
        if (emoji == null) {
            errors.add(Responses.missing(List.of("body", "emoji")));
        } else if (!emoji.isTextual() || !EMOJIS.contains(emoji.textValue())) {
            errors.add(Responses.notEnumMember(List.of("body", "emoji"), EMOJIS));
        }
        return errors;
    }

    /**
     * {@code handle_message_emoji}: a toggle becomes an add or a remove; {@code +1} and {@code -1}
     * exclude each other; an author's own {@code +1}/{@code -1} is ignored; adding twice or removing
     * what is not set changes nothing.
     */
    static void emoji(MayMessage message, MayUser user, String op, String emoji) {
        boolean exists = message.hasEmoji(user.id, emoji);
        String action = op.equals("toggle") ? (exists ? "remove" : "add") : op;
        if (action.equals("add") == exists) {
            return;
        }
        if (action.equals("remove")) {
            message.removeEmoji(user.id, emoji);
            return;
        }
        if (emoji.equals("+1") && message.hasEmoji(user.id, "-1")) {
            message.removeEmoji(user.id, "-1");
        } else if (emoji.equals("-1") && message.hasEmoji(user.id, "+1")) {
            message.removeEmoji(user.id, "+1");
        }
        if (message.user == user && (emoji.equals("+1") || emoji.equals("-1"))) {
            return;
        }
        message.addEmoji(user.id, emoji);
    }
}
