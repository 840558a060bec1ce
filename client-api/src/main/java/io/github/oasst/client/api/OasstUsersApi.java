package io.github.oasst.client.api;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.FrontEndUser;
import io.github.oasst.client.data.FrontEndUserPage;
import io.github.oasst.client.data.LeaderboardStats;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessagePage;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.data.UserScore;
import io.github.oasst.client.protocol.AuthMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Users by the backend's id ({@code /api/v1/users/…}, the schema's {@code users} group): the {@code
 * userId} of a {@link FrontEndUser}, not the frontend's id (which gets 422). All but the messages
 * operations need servers from 2023-02 on. A null query parameter is not sent.
 */
public interface OasstUsersApi {
    /** Users ordered by the frontend's id, from {@code gteUsername}/{@code gtId} or down to {@code lteUsername}/{@code ltId}. */
    @RequestLine(
            value = "GET /api/v1/users/by_username?api_client_id={apiClientId}&gte_username={gteUsername}&gt_id={gtId}"
                    + "&lte_username={lteUsername}&lt_id={ltId}&search_text={searchText}&auth_method={authMethod}"
                    + "&max_count={maxCount}&desc={desc}",
            decodeSlash = false)
    List<FrontEndUser> usersByUsername(
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param(value = "gteUsername", expander = QueryValue.class) @Nullable String gteUsername,
            @Param("gtId") @Nullable UUID gtId,
            @Param(value = "lteUsername", expander = QueryValue.class) @Nullable String lteUsername,
            @Param("ltId") @Nullable UUID ltId,
            @Param(value = "searchText", expander = QueryValue.class) @Nullable String searchText,
            @Param(value = "authMethod", expander = QueryValue.class) @Nullable AuthMethod authMethod,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("desc") @Nullable Boolean desc);

    /** Users ordered by display name; as {@link #usersByUsername}. */
    @RequestLine(
            value = "GET /api/v1/users/by_display_name?api_client_id={apiClientId}&gte_display_name={gteDisplayName}"
                    + "&gt_id={gtId}&lte_display_name={lteDisplayName}&lt_id={ltId}&auth_method={authMethod}"
                    + "&search_text={searchText}&max_count={maxCount}&desc={desc}",
            decodeSlash = false)
    List<FrontEndUser> usersByDisplayName(
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param(value = "gteDisplayName", expander = QueryValue.class) @Nullable String gteDisplayName,
            @Param("gtId") @Nullable UUID gtId,
            @Param(value = "lteDisplayName", expander = QueryValue.class) @Nullable String lteDisplayName,
            @Param("ltId") @Nullable UUID ltId,
            @Param(value = "authMethod", expander = QueryValue.class) @Nullable AuthMethod authMethod,
            @Param(value = "searchText", expander = QueryValue.class) @Nullable String searchText,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("desc") @Nullable Boolean desc);

    /** A page of users, after the page {@code before} or {@code after} names, or the first. */
    @RequestLine(
            value = "GET /api/v1/users/cursor?before={before}&after={after}&sort_key={sortKey}&max_count={maxCount}"
                    + "&api_client_id={apiClientId}&search_text={searchText}&auth_method={authMethod}",
            decodeSlash = false)
    FrontEndUserPage usersCursor(
            @Param(value = "before", expander = QueryValue.class) @Nullable String before,
            @Param(value = "after", expander = QueryValue.class) @Nullable String after,
            @Param(value = "sortKey", expander = QueryValue.class) @Nullable String sortKey,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param(value = "searchText", expander = QueryValue.class) @Nullable String searchText,
            @Param(value = "authMethod", expander = QueryValue.class) @Nullable AuthMethod authMethod);

    @RequestLine(value = "GET /api/v1/users/{userId}?api_client_id={apiClientId}", decodeSlash = false)
    FrontEndUser getUser(@Param("userId") UUID userId, @Param("apiClientId") @Nullable UUID apiClientId);

    /** Sets what is not null of the user's settings (a moderator's). */
    @Idempotent
    @RequestLine(
            value = "PUT /api/v1/users/{userId}?enabled={enabled}&notes={notes}&show_on_leaderboard={showOnLeaderboard}"
                    + "&tos_acceptance={tosAcceptance}",
            decodeSlash = false)
    void updateUser(
            @Param("userId") UUID userId,
            @Param("enabled") @Nullable Boolean enabled,
            @Param(value = "notes", expander = QueryValue.class) @Nullable String notes,
            @Param("showOnLeaderboard") @Nullable Boolean showOnLeaderboard,
            @Param("tosAcceptance") @Nullable Boolean tosAcceptance);

    /** Deletes the user (a moderator's). */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/users/{userId}", decodeSlash = false)
    void deleteUser(@Param("userId") UUID userId);

    /**
     * The user's messages, newest first unless {@code desc} is false (also on 2023-01 servers;
     * {@code lang} needs 2023-02). An unknown id gets {@code []}.
     */
    @RequestLine(
            value = "GET /api/v1/users/{userId}/messages?api_client_id={apiClientId}&max_count={maxCount}"
                    + "&start_date={startDate}&end_date={endDate}&only_roots={onlyRoots}&desc={desc}"
                    + "&include_deleted={includeDeleted}&lang={lang}",
            decodeSlash = false)
    List<Message> getUserMessages(
            @Param("userId") UUID userId,
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("startDate") @Nullable Instant startDate,
            @Param("endDate") @Nullable Instant endDate,
            @Param("onlyRoots") @Nullable Boolean onlyRoots,
            @Param("desc") @Nullable Boolean desc,
            @Param("includeDeleted") @Nullable Boolean includeDeleted,
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang);

    /**
     * Marks the user's messages deleted (also on 2023-01 servers). The 2023-01 backend marks only the
     * user's 10 newest messages, deleted ones included, so calling again reaches no older one.
     */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/users/{userId}/messages", decodeSlash = false)
    void deleteUserMessages(@Param("userId") UUID userId);

    /** A page of the user's messages. */
    @RequestLine(
            value = "GET /api/v1/users/{userId}/messages/cursor?before={before}&after={after}&only_roots={onlyRoots}"
                    + "&include_deleted={includeDeleted}&max_count={maxCount}&desc={desc}&lang={lang}",
            decodeSlash = false)
    MessagePage getUserMessagesCursor(
            @Param("userId") UUID userId,
            @Param(value = "before", expander = QueryValue.class) @Nullable String before,
            @Param(value = "after", expander = QueryValue.class) @Nullable String after,
            @Param("onlyRoots") @Nullable Boolean onlyRoots,
            @Param("includeDeleted") @Nullable Boolean includeDeleted,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("desc") @Nullable Boolean desc,
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang);

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
