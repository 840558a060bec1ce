package io.github.oasst.client;

import io.github.oasst.client.api.OasstFrontendMessagesApi;
import io.github.oasst.client.api.OasstFrontendUsersApi;
import io.github.oasst.client.api.OasstHuggingFaceApi;
import io.github.oasst.client.api.OasstLeaderboardsApi;
import io.github.oasst.client.api.OasstMessagesApi;
import io.github.oasst.client.api.OasstStatsApi;
import io.github.oasst.client.api.OasstTextLabelsApi;
import io.github.oasst.client.api.OasstTrollboardsApi;
import io.github.oasst.client.api.OasstUsersApi;
import io.github.oasst.client.data.LeaderboardStats;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.Page;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.data.UserMessageCursorQuery;
import io.github.oasst.client.data.UserScore;
import io.github.oasst.client.protocol.Conversation;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The rest of the OASST API through a client ({@link OasstClient#data()}): its interfaces for
 * messages, users, statistics, leaderboards, the trollboard, text labels and Hugging Face, each a
 * Feign client made at its first use with the client's transport, codec, retries (reads and
 * idempotent writes after a lost answer too, other writes only when not processed) and listeners;
 * and typed shortcuts for what a frontend reads most. Closed with the client.
 */
public final class OasstData {
    /** The page size of the shortcuts' cursors. */
    public static final int PAGE_SIZE = 100;

    private final Function<Class<?>, Object> feign;
    private final ConcurrentMap<Class<?>, Object> apis = new ConcurrentHashMap<>();

    OasstData(Function<Class<?>, Object> feign) {
        this.feign = feign;
    }

    private <T> T api(Class<T> type) {
        return type.cast(apis.computeIfAbsent(type, feign));
    }

    /** Messages by the backend's id. */
    public OasstMessagesApi messages() {
        return api(OasstMessagesApi.class);
    }

    /** Messages by the frontend's id. */
    public OasstFrontendMessagesApi frontendMessages() {
        return api(OasstFrontendMessagesApi.class);
    }

    /** Users by the backend's id. */
    public OasstUsersApi users() {
        return api(OasstUsersApi.class);
    }

    /** Users by the frontend's auth method and id. */
    public OasstFrontendUsersApi frontendUsers() {
        return api(OasstFrontendUsersApi.class);
    }

    /** The backend's statistics. */
    public OasstStatsApi stats() {
        return api(OasstStatsApi.class);
    }

    /** Leaderboards. */
    public OasstLeaderboardsApi leaderboards() {
        return api(OasstLeaderboardsApi.class);
    }

    /** The trollboard. */
    public OasstTrollboardsApi trollboards() {
        return api(OasstTrollboardsApi.class);
    }

    /** Labels of texts outside a task. */
    public OasstTextLabelsApi textLabels() {
        return api(OasstTextLabelsApi.class);
    }

    /** The backend's relay to Hugging Face. */
    public OasstHuggingFaceApi huggingFace() {
        return api(OasstHuggingFaceApi.class);
    }

    /**
     * A user's messages, newest first, fetched {@value #PAGE_SIZE} at a time as the stream is read
     * (the user messages cursor; servers from 2023-02 on).
     *
     * @param userId the backend's id of the user ({@code FrontEndUser.userId()})
     */
    public Stream<Message> userMessages(UUID userId) {
        Objects.requireNonNull(userId, "userId must not be null");
        UserMessageCursorQuery first =
                UserMessageCursorQuery.builder().maxCount(PAGE_SIZE).desc(true).build();
        return pages(after -> users().getUserMessagesCursor(userId, after == null ? first : first.after(after)));
    }

    /** The messages from the message's tree's root to it. */
    public Conversation conversation(UUID messageId) {
        return messages().getConversation(Objects.requireNonNull(messageId, "messageId must not be null"));
    }

    /** A user's score and counts in the time frame (servers from 2023-02 on). */
    public UserScore userStats(UUID userId, TimeFrame timeFrame) {
        return users().getUserStats(
                        Objects.requireNonNull(userId, "userId must not be null"),
                        Objects.requireNonNull(timeFrame, "timeFrame must not be null"));
    }

    /**
     * The leaderboard of the time frame, its first lines (servers from 2023-02 on).
     *
     * @param maxCount how many lines, at least 1
     */
    public LeaderboardStats leaderboard(TimeFrame timeFrame, int maxCount) {
        Objects.requireNonNull(timeFrame, "timeFrame must not be null");
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be at least 1, got " + maxCount);
        }
        return leaderboards().getLeaderboard(timeFrame, maxCount);
    }

    /**
     * The items of a cursor operation, fetched a page at a time as the stream is read: {@code page}
     * gets the page after the cursor it is given (null: the first page), as a cursor method of the
     * interfaces does with a cursor query's {@code after(cursor)}. The stream ends at a page without a
     * next cursor or without items.
     *
     * <pre>{@code
     * MessageCursorQuery roots = MessageCursorQuery.builder().onlyRoots(true).maxCount(50).desc(true).build();
     * Stream<Message> all = OasstData.pages(after -> client.data().messages()
     *         .messagesCursor(after == null ? roots : roots.after(after)));
     * }</pre>
     */
    public static <T> Stream<T> pages(Function<@Nullable String, ? extends Page<T>> page) {
        Objects.requireNonNull(page, "page must not be null");
        Iterator<T> items = new Iterator<>() {
            private @Nullable Iterator<T> current;
            private @Nullable String after;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (last) {
                        return false;
                    }
                    Page<T> next = page.apply(after);
                    List<T> got = next.items();
                    after = next.next();
                    last = after == null || got.isEmpty();
                    current = got.iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return Objects.requireNonNull(current).next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
    }
}
