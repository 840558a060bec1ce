package io.github.oasst.client.api;

import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.github.oasst.client.data.DisplayNameQuery;
import io.github.oasst.client.data.FrontEndUser;
import io.github.oasst.client.data.FrontEndUserPage;
import io.github.oasst.client.data.LeaderboardStats;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessagePage;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.data.UserCursorQuery;
import io.github.oasst.client.data.UserMessageCursorQuery;
import io.github.oasst.client.data.UserMessageQuery;
import io.github.oasst.client.data.UserQuery;
import io.github.oasst.client.data.UserScore;
import io.github.oasst.client.data.UserUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Users by the backend's id ({@code /api/v1/users/…}, the schema's {@code users} group): the {@code
 * userId} of a {@link FrontEndUser}, not the frontend's id (which gets 422). All but the messages
 * operations need servers from 2023-02 on. A null query parameter, or one a query object leaves unset, is
 * not sent.
 */
public interface OasstUsersApi {
    /**
     * Users ordered by the frontend's id, from the query's {@code gteUsername}/{@code gtId} or down to
     * its {@code lteUsername}/{@code ltId}.
     *
     * @param query the bounds and filters, {@link UserQuery#defaults()} for none
     */
    @RequestLine(value = "GET /api/v1/users/by_username", decodeSlash = false)
    List<FrontEndUser> usersByUsername(@QueryMap UserQuery query);

    /** Users ordered by display name; as {@link #usersByUsername}. */
    @RequestLine(value = "GET /api/v1/users/by_display_name", decodeSlash = false)
    List<FrontEndUser> usersByDisplayName(@QueryMap DisplayNameQuery query);

    /** A page of users, after the page the query's {@code before} or {@code after} names, or the first. */
    @RequestLine(value = "GET /api/v1/users/cursor", decodeSlash = false)
    FrontEndUserPage usersCursor(@QueryMap UserCursorQuery query);

    @RequestLine(value = "GET /api/v1/users/{userId}?api_client_id={apiClientId}", decodeSlash = false)
    FrontEndUser getUser(@Param("userId") UUID userId, @Param("apiClientId") @Nullable UUID apiClientId);

    /** Changes the settings the update sets, the others stay as they are (a moderator's). */
    @Idempotent
    @RequestLine(value = "PUT /api/v1/users/{userId}", decodeSlash = false)
    void updateUser(@Param("userId") UUID userId, @QueryMap UserUpdate update);

    /** Deletes the user (a moderator's). */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/users/{userId}", decodeSlash = false)
    void deleteUser(@Param("userId") UUID userId);

    /**
     * The user's messages, newest first unless the query says otherwise (also on 2023-01 servers;
     * its {@code lang} needs 2023-02). An unknown id gets {@code []}.
     */
    @RequestLine(value = "GET /api/v1/users/{userId}/messages", decodeSlash = false)
    List<Message> getUserMessages(@Param("userId") UUID userId, @QueryMap UserMessageQuery query);

    /**
     * Marks the user's messages deleted (also on 2023-01 servers). The 2023-01 backend marks only the
     * user's 10 newest messages, deleted ones included, so calling again reaches no older one.
     */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/users/{userId}/messages", decodeSlash = false)
    void deleteUserMessages(@Param("userId") UUID userId);

    /** A page of the user's messages, after the page the query's {@code before} or {@code after} names, or the first. */
    @RequestLine(value = "GET /api/v1/users/{userId}/messages/cursor", decodeSlash = false)
    MessagePage getUserMessagesCursor(@Param("userId") UUID userId, @QueryMap UserMessageCursorQuery query);

    /** The user's score in every time frame, by its name ({@code day}, …); null where there is none. */
    @RequestLine(value = "GET /api/v1/users/{userId}/stats", decodeSlash = false)
    Map<String, @Nullable UserScore> getUserStats(@Param("userId") UUID userId);

    @RequestLine(value = "GET /api/v1/users/{userId}/stats/{timeFrame}", decodeSlash = false)
    UserScore getUserStats(@Param("userId") UUID userId, @Param("timeFrame") TimeFrame timeFrame);

    /**
     * The leaderboard around the user: {@code windowSize} lines above and below; empty when the user
     * has no line (hidden, disabled or not ranked: the backend answers {@code null}).
     */
    @RequestLine(
            value = "GET /api/v1/users/{userId}/stats/{timeFrame}/window?window_size={windowSize}",
            decodeSlash = false)
    Optional<LeaderboardStats> getUserStatsWindow(
            @Param("userId") UUID userId,
            @Param("timeFrame") TimeFrame timeFrame,
            @Param("windowSize") @Nullable Integer windowSize);
}
