package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the 2023-05 backend: its message, conversation message, tree, frontend user
 * and tree state objects, with the field sets and order of the recorded answers. {@code viewer} is
 * the user of {@code x-oasst-user}, whose emojis and authorship the objects show.
 */
final class MayShapes {
    private MayShapes() {}

    /** A {@code ConversationMessage}: the message as tasks and conversations show it. */
    static ObjectNode conversationMessage(MayMessage message, @Nullable MayUser viewer) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("id", message.id.toString());
        json.put("user_id", message.user.id.toString());
        json.put("frontend_message_id", message.frontendMessageId);
        json.put("text", message.text);
        json.put("lang", message.lang);
        json.put("is_assistant", message.assistant);
        ObjectNode emojis = json.putObject("emojis");
        if (message.emojis != null) {
            message.emojis.forEach(emojis::put);
        }
        ArrayNode own = json.putArray("user_emojis");
        if (viewer != null) {
            message.emojisOf(viewer.id).forEach(own::add);
            json.put("user_is_author", viewer.id.equals(message.user.id));
        } else {
            json.putNull("user_is_author");
        }
        json.put("synthetic", false);
        return json;
    }

    /** A {@code Message}, with its author's frontend user when {@code includeUser}. */
    static ObjectNode message(MayMessage message, @Nullable MayUser viewer, boolean includeUser) {
        ObjectNode json = conversationMessage(message, viewer);
        json.put("parent_id", message.parentId == null ? null : message.parentId.toString());
        json.put("created_date", MayTime.iso(message.created));
        if (message.reviewResult == null) {
            json.putNull("review_result");
        } else {
            json.put("review_result", message.reviewResult);
        }
        json.put("review_count", message.reviewCount);
        json.put("deleted", message.deleted);
        json.putNull("model_name");
        json.put("message_tree_id", message.treeId.toString());
        json.put("ranking_count", message.rankingCount);
        json.put("rank", message.rank);
        if (includeUser) {
            json.set("user", frontendUser(message.user));
        } else {
            json.putNull("user");
        }
        return json;
    }

    static ArrayNode messages(Collection<MayMessage> messages, @Nullable MayUser viewer) {
        ArrayNode array = Responses.MAPPER.createArrayNode();
        messages.forEach(m -> array.add(message(m, viewer, false)));
        return array;
    }

    /** A {@code Conversation}: {@code {"messages": [ConversationMessage]}}. */
    static ObjectNode conversation(Collection<MayMessage> messages, @Nullable MayUser viewer) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        ArrayNode array = json.putArray("messages");
        messages.forEach(m -> array.add(conversationMessage(m, viewer)));
        return json;
    }

    /** A {@code MessageTree}: {@code {"id", "messages": [Message]}}. */
    static ObjectNode tree(UUID id, Collection<MayMessage> messages, @Nullable MayUser viewer) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("id", id.toString());
        json.set("messages", messages(messages, viewer));
        return json;
    }

    /** A {@code FrontEndUser}. */
    static ObjectNode frontendUser(MayUser user) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("id", user.username);
        json.put("display_name", user.displayName);
        json.put("auth_method", user.authMethod);
        json.put("user_id", user.id.toString());
        json.put("enabled", user.enabled);
        json.put("deleted", user.deleted);
        json.put("notes", user.notes);
        json.put("created_date", MayTime.iso(user.created));
        json.put("show_on_leaderboard", user.showOnLeaderboard);
        json.put("streak_days", user.streakDays);
        json.put("streak_last_day_date", MayTime.isoOrNull(user.streakLastDay));
        json.put("last_activity_date", MayTime.isoOrNull(user.lastActivity));
        json.put("tos_acceptance_date", MayTime.isoOrNull(user.tosAcceptance));
        return json;
    }

    static ArrayNode frontendUsers(Collection<MayUser> users) {
        ArrayNode array = Responses.MAPPER.createArrayNode();
        users.forEach(u -> array.add(frontendUser(u)));
        return array;
    }

    /** A {@code MessageTreeStateResponse}. */
    static ObjectNode treeState(MayTree tree) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("message_tree_id", tree.id.toString());
        json.put("state", tree.state);
        json.put("goal_tree_size", MayTree.GOAL_TREE_SIZE);
        json.put("max_depth", MayTree.MAX_DEPTH);
        json.put("max_children_count", MayTree.MAX_CHILDREN);
        json.put("active", tree.active);
        json.putNull("origin");
        return json;
    }

    /** A page of a cursor: {@code {prev, next, sort_key, items, order}}. */
    static ObjectNode page(
            @Nullable String prev, @Nullable String next, String sortKey, ArrayNode items, String order) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("prev", prev);
        json.put("next", next);
        json.put("sort_key", sortKey);
        json.set("items", items);
        json.put("order", order);
        return json;
    }
}
