package io.github.oasst.client.testkit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message of the 2023-05 fake with the columns that backend's message objects show; the review,
 * ranking, deletion and emoji fields change. Guarded by the backend's lock.
 */
final class MayMessage {
    final UUID id;
    final @Nullable UUID parentId;
    final UUID treeId;
    final @Nullable String frontendMessageId;
    final MayUser user;
    final String text;
    final String lang;
    final boolean assistant;
    final OffsetDateTime created;
    final int depth;
    int reviewCount;

    @Nullable
    Boolean reviewResult;

    boolean deleted;
    int rankingCount;

    @Nullable
    Integer rank;

    int childrenCount;
    /** The emoji counts; null until the first emoji (the column is NULL). */
    @Nullable
    Map<String, Integer> emojis;
    /** Each user's emojis, in the order they were set. */
    final Map<UUID, Set<String>> userEmojis = new LinkedHashMap<>();

    MayMessage(
            UUID id,
            @Nullable MayMessage parent,
            @Nullable String frontendMessageId,
            MayUser user,
            String text,
            String lang,
            boolean assistant,
            OffsetDateTime created) {
        this.id = id;
        this.parentId = parent == null ? null : parent.id;
        this.treeId = parent == null ? id : parent.treeId;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.frontendMessageId = frontendMessageId;
        this.user = user;
        this.text = text;
        this.lang = lang;
        this.assistant = assistant;
        this.created = created;
    }

    /** The API client the message was stored through: its author's. */
    UUID clientId() {
        return user.clientId;
    }

    String role() {
        return assistant ? "assistant" : "prompter";
    }

    Set<String> emojisOf(UUID userId) {
        return userEmojis.getOrDefault(userId, Set.of());
    }

    boolean hasEmoji(UUID userId, String emoji) {
        return emojisOf(userId).contains(emoji);
    }

    /** Adds the user's emoji and counts it. */
    void addEmoji(UUID userId, String emoji) {
        userEmojis.computeIfAbsent(userId, id -> new LinkedHashSet<>()).add(emoji);
        if (emojis == null) {
            emojis = new LinkedHashMap<>();
        }
        emojis.merge(emoji, 1, Integer::sum);
    }

    /** Removes the user's emoji and uncounts it. */
    void removeEmoji(UUID userId, String emoji) {
        Set<String> own = userEmojis.get(userId);
        if (own != null) {
            own.remove(emoji);
        }
        if (emojis != null && emojis.containsKey(emoji)) {
            int count = emojis.get(emoji);
            if (count == 1) {
                emojis.remove(emoji);
            } else {
                emojis.put(emoji, count - 1);
            }
        }
    }

    FakeMessage snapshot(int labelsStored) {
        return new FakeMessage(id, parentId, frontendMessageId, user.username, text, assistant, deleted, labelsStored);
    }
}
