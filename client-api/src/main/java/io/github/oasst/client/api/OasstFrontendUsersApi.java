package io.github.oasst.client.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.CreateFrontendUserRequest;
import io.github.oasst.client.data.FrontEndUser;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessagePage;
import io.github.oasst.client.protocol.AuthMethod;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Users by the frontend's auth method and id ({@code /api/v1/frontend_users/…}). The {@code
 * {auth_method}/{username}} operations need servers from 2023-02 on; the 2023-01 backend has the
 * messages operations by username alone ({@link #getMessagesByUsername}, {@link
 * #deleteMessagesByUsername}), which newer servers no longer have.
 */
public interface OasstFrontendUsersApi {
    /** Users ordered by the frontend's id. */
    @RequestLine(
            value = "GET /api/v1/frontend_users/?api_client_id={apiClientId}&gte_username={gteUsername}&gt_id={gtId}"
                    + "&lte_username={lteUsername}&lt_id={ltId}&search_text={searchText}&auth_method={authMethod}"
                    + "&max_count={maxCount}",
            decodeSlash = false)
    List<FrontEndUser> getUsers(
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param(value = "gteUsername", expander = QueryValue.class) @Nullable String gteUsername,
            @Param("gtId") @Nullable UUID gtId,
            @Param(value = "lteUsername", expander = QueryValue.class) @Nullable String lteUsername,
            @Param("ltId") @Nullable UUID ltId,
            @Param(value = "searchText", expander = QueryValue.class) @Nullable String searchText,
            @Param(value = "authMethod", expander = QueryValue.class) @Nullable AuthMethod authMethod,
            @Param("maxCount") @Nullable Integer maxCount);

    /** Creates the user, or updates the one with this auth method and id; never repeated after a lost answer. */
    @RequestLine(value = "POST /api/v1/frontend_users/", decodeSlash = false)
    @Headers("Content-Type: application/json")
    FrontEndUser createUser(CreateFrontendUserRequest user);

    @RequestLine(
            value = "GET /api/v1/frontend_users/{authMethod}/{username}?api_client_id={apiClientId}",
            decodeSlash = false)
    FrontEndUser getUser(
            @Param(value = "authMethod", expander = PathSegment.class) AuthMethod authMethod,
            @Param(value = "username", expander = PathSegment.class) String username,
            @Param("apiClientId") @Nullable UUID apiClientId);

    @RequestLine(
            value = "GET /api/v1/frontend_users/{authMethod}/{username}/messages?api_client_id={apiClientId}"
                    + "&max_count={maxCount}&start_date={startDate}&end_date={endDate}&only_roots={onlyRoots}&desc={desc}"
                    + "&include_deleted={includeDeleted}&lang={lang}",
            decodeSlash = false)
    List<Message> getUserMessages(
            @Param(value = "authMethod", expander = PathSegment.class) AuthMethod authMethod,
            @Param(value = "username", expander = PathSegment.class) String username,
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("startDate") @Nullable Instant startDate,
            @Param("endDate") @Nullable Instant endDate,
            @Param("onlyRoots") @Nullable Boolean onlyRoots,
            @Param("desc") @Nullable Boolean desc,
            @Param("includeDeleted") @Nullable Boolean includeDeleted,
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang);

    /** Marks the user's messages deleted, among the calling API client's. */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/frontend_users/{authMethod}/{username}/messages", decodeSlash = false)
    void deleteUserMessages(
            @Param(value = "authMethod", expander = PathSegment.class) AuthMethod authMethod,
            @Param(value = "username", expander = PathSegment.class) String username);

    @RequestLine(
            value =
                    "GET /api/v1/frontend_users/{authMethod}/{username}/messages/cursor?before={before}&after={after}"
                            + "&only_roots={onlyRoots}&include_deleted={includeDeleted}&max_count={maxCount}&desc={desc}&lang={lang}",
            decodeSlash = false)
    MessagePage getUserMessagesCursor(
            @Param(value = "authMethod", expander = PathSegment.class) AuthMethod authMethod,
            @Param(value = "username", expander = PathSegment.class) String username,
            @Param(value = "before", expander = QueryValue.class) @Nullable String before,
            @Param(value = "after", expander = QueryValue.class) @Nullable String after,
            @Param("onlyRoots") @Nullable Boolean onlyRoots,
            @Param("includeDeleted") @Nullable Boolean includeDeleted,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("desc") @Nullable Boolean desc,
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang);

    /**
     * The user's messages by the frontend's id alone, whatever the auth method (the 2023-01 backend;
     * newer ones read the path as {@code {auth_method}/{username}} and refuse it).
     */
    @RequestLine(
            value = "GET /api/v1/frontend_users/{username}/messages?api_client_id={apiClientId}&max_count={maxCount}"
                    + "&start_date={startDate}&end_date={endDate}&only_roots={onlyRoots}&desc={desc}"
                    + "&include_deleted={includeDeleted}",
            decodeSlash = false)
    List<Message> getMessagesByUsername(
            @Param(value = "username", expander = PathSegment.class) String username,
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("startDate") @Nullable Instant startDate,
            @Param("endDate") @Nullable Instant endDate,
            @Param("onlyRoots") @Nullable Boolean onlyRoots,
            @Param("desc") @Nullable Boolean desc,
            @Param("includeDeleted") @Nullable Boolean includeDeleted);

    /**
     * Marks the user's messages deleted by the frontend's id alone (the 2023-01 backend, which marks
     * only the 10 newest, among the calling API client's).
     */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/frontend_users/{username}/messages", decodeSlash = false)
    void deleteMessagesByUsername(@Param(value = "username", expander = PathSegment.class) String username);
}
