package io.github.oasst.client.testkit;

import io.github.oasst.client.protocol.ConversationMessage;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The fake backend's messages, as the 2023-01 backend keeps them: trees of prompts and replies, each
 * message with its user and API client; deleting only marks. The texts users send through their
 * tasks become messages of the calling API client; the conversations of the fake's tasks are
 * messages of another client (its {@code __dummy_user__}). Not thread-safe; the backend's lock
 * guards it.
 */
final class MessageStore {
    /** The API client of the fake's key. */
    static final UUID THIS_CLIENT = UUID.fromString("6b1f37b2-5c1a-4a3e-9d35-0a1c2b3d4e5f");
    /** The API client that owns the seed conversations. */
    static final UUID OTHER_CLIENT = UUID.fromString("0d8a4f6e-2b7c-4e1d-8a9f-3c5b7d9e1f20");
    /** How many messages a user's delete marks: the backend's query default limit. */
    static final int DELETE_LIMIT = 10;

    /** A backend user: one per username and API client. */
    record User(UUID id, String username, String displayName, UUID apiClientId) {}

    /** A stored message; {@code deleted} and {@code labels} change. */
    static final class Stored {
        final UUID id;
        final @Nullable UUID parentId;
        final UUID treeId;
        final @Nullable String frontendMessageId;
        final User user;
        final String text;
        final boolean assistant;
        final LocalDateTime created;
        boolean deleted;
        int labels;

        Stored(
                UUID id,
                @Nullable UUID parentId,
                UUID treeId,
                @Nullable String frontendMessageId,
                User user,
                String text,
                boolean assistant,
                LocalDateTime created) {
            this.id = id;
            this.parentId = parentId;
            this.treeId = treeId;
            this.frontendMessageId = frontendMessageId;
            this.user = user;
            this.text = text;
            this.assistant = assistant;
            this.created = created;
        }

        FakeMessage snapshot() {
            return new FakeMessage(id, parentId, frontendMessageId, user.username(), text, assistant, deleted, labels);
        }
    }

    /** The filters of the message queries; null means no filter. */
    record Query(
            @Nullable String username,
            @Nullable UUID userId,
            @Nullable UUID apiClientId,
            @Nullable LocalDateTime start,
            @Nullable LocalDateTime end,
            boolean onlyRoots,
            boolean desc,
            boolean withDeleted,
            int maxCount) {}

    private final Map<UUID, Stored> messages = new LinkedHashMap<>();
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, UUID> seedChains = new HashMap<>();
    private final User dummy = new User(UUID.randomUUID(), "__dummy_user__", "Dummy User", OTHER_CLIENT);
    private LocalDateTime clock = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    void clear() {
        messages.clear();
        users.clear();
        seedChains.clear();
    }

    /** The user of this API client with that name, created on first use. */
    User user(String username, String displayName) {
        return users.computeIfAbsent(username, name -> new User(UUID.randomUUID(), name, displayName, THIS_CLIENT));
    }

    /** Registers a user under a known id (to replay recorded exchanges). */
    User user(UUID id, String username, String displayName, UUID apiClientId) {
        User user = new User(id, username, displayName, apiClientId);
        users.put(username, user);
        return user;
    }

    /** Adds a message now, under a new id. */
    Stored add(@Nullable UUID parentId, @Nullable String frontendMessageId, User user, String text, boolean assistant) {
        return add(UUID.randomUUID(), parentId, frontendMessageId, user, text, assistant, now());
    }

    /** Now, in the backend's microseconds, after every message made before. */
    private LocalDateTime now() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        clock = now.isAfter(clock) ? now : clock.plus(1, ChronoUnit.MICROS);
        return clock;
    }

    /**
     * The message a label task names, stored as a message of the other client (after the
     * conversation before it) unless it is already.
     */
    void seedLabelled(UUID id, String text, boolean assistant, List<ConversationMessage> before) {
        if (!messages.containsKey(id)) {
            add(id, before.isEmpty() ? null : seedConversation(before), null, dummy, text, assistant, now());
        }
    }

    /** Adds a message as it is. */
    Stored add(
            UUID id,
            @Nullable UUID parentId,
            @Nullable String frontendMessageId,
            User user,
            String text,
            boolean assistant,
            LocalDateTime created) {
        Stored parent = parentId == null ? null : messages.get(parentId);
        if (parentId != null && parent == null) {
            throw new IllegalArgumentException("no message " + parentId);
        }
        Stored message = new Stored(
                id, parentId, parent == null ? id : parent.treeId, frontendMessageId, user, text, assistant, created);
        messages.put(id, message);
        return message;
    }

    /**
     * The messages of a task's conversation as messages of the other client (the same conversation
     * gives the same messages); the id of its last message.
     */
    UUID seedConversation(List<ConversationMessage> conversation) {
        UUID parent = null;
        for (ConversationMessage message : conversation) {
            String key = parent + "|" + message.isAssistant() + "|" + message.text();
            UUID known = seedChains.get(key);
            if (known == null) {
                known = add(parent, null, dummy, message.text(), message.isAssistant()).id;
                seedChains.put(key, known);
            }
            parent = known;
        }
        if (parent == null) {
            throw new IllegalArgumentException("an empty conversation");
        }
        return parent;
    }

    Optional<Stored> byId(UUID id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** Looks a frontend id up among this client's messages, as the backend does. */
    Optional<Stored> byFrontendId(String frontendMessageId) {
        return messages.values().stream()
                .filter(m -> m.user.apiClientId().equals(THIS_CLIENT) && frontendMessageId.equals(m.frontendMessageId))
                .findFirst();
    }

    List<Stored> children(UUID id) {
        return select(m -> id.equals(m.parentId));
    }

    /** From the root to this message. */
    List<Stored> conversation(Stored message) {
        List<Stored> path = new ArrayList<>();
        for (Stored at = message; at != null; at = at.parentId == null ? null : messages.get(at.parentId)) {
            path.add(0, at);
        }
        return path;
    }

    List<Stored> tree(Stored message) {
        return select(m -> m.treeId.equals(message.treeId));
    }

    /** Every message below this one, in the order they were stored. */
    List<Stored> descendants(Stored message) {
        return select(m -> m != message && conversation(m).contains(message));
    }

    /** From the root to the deepest message of the tree; the first deepest on a tie. */
    List<Stored> longestConversation(Stored message) {
        List<Stored> longest = List.of();
        for (Stored candidate : tree(message)) {
            List<Stored> path = conversation(candidate);
            if (path.size() > longest.size()) {
                longest = path;
            }
        }
        return longest;
    }

    /** The tree's message with the most children (the first on a tie), then its children. */
    List<Stored> maxChildren(Stored message) {
        Stored most = message;
        int count = -1;
        for (Stored candidate : tree(message)) {
            int children = children(candidate.id).size();
            if (children > count) {
                most = candidate;
                count = children;
            }
        }
        List<Stored> result = new ArrayList<>();
        result.add(most);
        result.addAll(children(most.id));
        return result;
    }

    List<Stored> query(Query query) {
        Comparator<Stored> order = Comparator.comparing(m -> m.created);
        return messages.values().stream()
                .filter(m -> query.username() == null || m.user.username().equals(query.username()))
                .filter(m -> query.userId() == null || m.user.id().equals(query.userId()))
                .filter(m -> query.apiClientId() == null || m.user.apiClientId().equals(query.apiClientId()))
                .filter(m -> query.start() == null || !m.created.isBefore(query.start()))
                // the 2023-01 backend: before the end (newer ones: at or before)
                .filter(m -> query.end() == null || m.created.isBefore(query.end()))
                .filter(m -> !query.onlyRoots() || m.parentId == null)
                .filter(m -> query.withDeleted() || !m.deleted)
                .sorted(query.desc() ? order.reversed() : order)
                .limit(query.maxCount())
                .toList();
    }

    /** Marks the message and everything below it deleted. */
    void delete(Stored message) {
        message.deleted = true;
        descendants(message).forEach(m -> m.deleted = true);
    }

    /** Marks a user's {@value #DELETE_LIMIT} newest messages deleted, deleted ones among them. */
    void deleteNewest(Query query) {
        query(query).forEach(this::delete);
    }

    /** {@code all, active, deleted, message_trees}; roots of deleted trees count too. */
    int[] stats() {
        int all = messages.size();
        int deleted = (int) messages.values().stream().filter(m -> m.deleted).count();
        int trees =
                (int) messages.values().stream().filter(m -> m.parentId == null).count();
        return new int[] {all, all - deleted, deleted, trees};
    }

    /**
     * The creators of assistant (or prompter) messages by count, highest first; deleted messages
     * count, as the backend's always-true filter lets them.
     */
    List<Map.Entry<User, Integer>> creators(boolean assistant) {
        Map<User, Integer> counts = new LinkedHashMap<>();
        for (Stored message : messages.values()) {
            if (message.assistant == assistant) {
                counts.merge(message.user, 1, Integer::sum);
            }
        }
        List<Map.Entry<User, Integer>> board = new ArrayList<>(counts.entrySet());
        board.sort(Map.Entry.<User, Integer>comparingByValue().reversed());
        return board;
    }

    List<FakeMessage> snapshot() {
        return messages.values().stream().map(Stored::snapshot).toList();
    }

    private List<Stored> select(Predicate<Stored> filter) {
        return messages.values().stream().filter(filter).toList();
    }
}
