package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.api.OasstErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-05 fake's database: users, messages, tree states, tasks, text labels, rankings and
 * cached stats, oldest first, with the look-ups its repositories make. Not thread-safe; the
 * backend's lock guards it.
 */
final class MayStore {
    /** A ranking stored for a task: who ranked which replies of which parent, best first. */
    record Ranking(UUID taskId, MayUser user, UUID parentId, List<UUID> rankedIds) {}

    final MayTime time = new MayTime();
    private final Map<UUID, MayUser> users = new LinkedHashMap<>();
    private final Map<UUID, MayMessage> messages = new LinkedHashMap<>();
    private final Map<UUID, MayTree> trees = new LinkedHashMap<>();
    private final Map<UUID, MayTask> tasks = new LinkedHashMap<>();
    private final List<MayLabel> labels = new ArrayList<>();
    private final List<Ranking> rankings = new ArrayList<>();
    /** The cached stats by name, as last computed. */
    final Map<String, ObjectNode> cachedStats = new LinkedHashMap<>();
    /** The leader stats rows by time frame and user, as last computed. */
    final Map<String, Map<UUID, MayScores.Row>> leaders = new LinkedHashMap<>();
    /** The troll stats rows by time frame and user, as last computed. */
    final Map<String, Map<UUID, MayScores.Row>> trolls = new LinkedHashMap<>();

    // ---- users -----------------------------------------------------------------------------------

    /** The client's user with this auth method and username, or null. */
    @Nullable
    MayUser user(UUID clientId, String authMethod, String username) {
        for (MayUser user : users.values()) {
            if (user.clientId.equals(clientId)
                    && user.authMethod.equals(authMethod)
                    && user.username.equals(username)) {
                return user;
            }
        }
        return null;
    }

    @Nullable
    MayUser userById(@Nullable UUID id) {
        return id == null ? null : users.get(id);
    }

    Collection<MayUser> users() {
        return users.values();
    }

    MayUser addUser(MayUser user) {
        users.put(user.id, user);
        return user;
    }

    /**
     * The user a body names ({@code lookup_client_user}): created when the client does not know it,
     * its display name updated when it changed; null for a null body user. 400/2012 for an empty id.
     */
    @Nullable
    MayUser lookup(UUID clientId, @Nullable JsonNode user) {
        if (user == null || user.isNull()) {
            return null;
        }
        String username = Coercions.text(user.get("id"));
        String authMethod = user.get("auth_method").textValue();
        String displayName = Coercions.text(user.get("display_name"));
        if (username == null || username.isEmpty() || authMethod.isEmpty()) {
            throw MayError.bad(OasstErrorCode.AUTH_AND_USERNAME_REQUIRED, "Auth method or username missing.");
        }
        MayUser known = user(clientId, authMethod, username);
        if (known == null) {
            known = addUser(new MayUser(UUID.randomUUID(), clientId, authMethod, username, displayName, time.now()));
            if (authMethod.equals("system")) {
                known.showOnLeaderboard = false;
                known.tosAcceptance = time.now();
            }
        } else if (displayName != null && !displayName.isEmpty() && !displayName.equals(known.displayName)) {
            known.displayName = displayName;
        }
        return known;
    }

    // ---- messages and trees ------------------------------------------------------------------------

    MayMessage add(MayMessage message) {
        messages.put(message.id, message);
        if (message.parentId != null) {
            Objects.requireNonNull(messages.get(message.parentId), "parent").childrenCount++;
        }
        return message;
    }

    @Nullable
    MayMessage message(@Nullable UUID id) {
        return id == null ? null : messages.get(id);
    }

    /** The message, or 404/2001 {@code Message not found}. */
    MayMessage existing(UUID id) {
        MayMessage message = messages.get(id);
        if (message == null) {
            throw MayError.messageNotFound();
        }
        return message;
    }

    /** The client's message with this frontend id, or null. */
    @Nullable
    MayMessage byFrontendId(UUID clientId, String frontendMessageId) {
        for (MayMessage message : messages.values()) {
            if (message.clientId().equals(clientId) && frontendMessageId.equals(message.frontendMessageId)) {
                return message;
            }
        }
        return null;
    }

    Collection<MayMessage> messages() {
        return messages.values();
    }

    /** The tree's messages in the order they were stored. */
    List<MayMessage> treeMessages(UUID treeId) {
        return messages.values().stream().filter(m -> m.treeId.equals(treeId)).toList();
    }

    List<MayMessage> children(UUID parentId) {
        return messages.values().stream()
                .filter(m -> parentId.equals(m.parentId))
                .toList();
    }

    MayTree addTree(MayTree tree) {
        trees.put(tree.id, tree);
        return tree;
    }

    MayTree tree(UUID treeId) {
        return Objects.requireNonNull(trees.get(treeId), "tree state");
    }

    Collection<MayTree> trees() {
        return trees.values();
    }

    // ---- tasks, labels, rankings -------------------------------------------------------------------

    MayTask addTask(MayTask task) {
        tasks.put(task.id, task);
        return task;
    }

    /** The client's task with this id, or null. */
    @Nullable
    MayTask task(UUID clientId, UUID taskId) {
        MayTask task = tasks.get(taskId);
        return task != null && task.clientId().equals(clientId) ? task : null;
    }

    /** The client's task acknowledged with this frontend message id, or null. */
    @Nullable
    MayTask taskByFrontendId(UUID clientId, String frontendMessageId) {
        for (MayTask task : tasks.values()) {
            if (task.clientId().equals(clientId) && frontendMessageId.equals(task.frontendMessageId)) {
                return task;
            }
        }
        return null;
    }

    Collection<MayTask> tasks() {
        return tasks.values();
    }

    List<MayLabel> labels() {
        return labels;
    }

    List<Ranking> rankings() {
        return rankings;
    }

    List<FakeMessage> snapshot() {
        return messages.values().stream()
                .map(m -> m.snapshot((int)
                        labels.stream().filter(l -> l.messageId.equals(m.id)).count()))
                .toList();
    }
}
