package io.github.oasst.client.api;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.github.oasst.client.data.CreateFrontendUserRequest;
import io.github.oasst.client.data.FrontEndUser;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessagePage;
import io.github.oasst.client.data.UserMessageCursorQuery;
import io.github.oasst.client.data.UserMessageQuery;
import io.github.oasst.client.data.UserQuery;
import io.github.oasst.client.protocol.AuthMethod;
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
    /**
     * Users ordered by the frontend's id, ascending (the query's {@code desc} is not read here).
     *
     * @param query the bounds and filters, {@link UserQuery#defaults()} for none
     */
    @RequestLine(value = "GET /api/v1/frontend_users/", decodeSlash = false)
    List<FrontEndUser> getUsers(@QueryMap UserQuery query);

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

    /** The user's messages, newest first unless the query says otherwise. */
    @RequestLine(value = "GET /api/v1/frontend_users/{authMethod}/{username}/messages", decodeSlash = false)
    List<Message> getUserMessages(
            @Param(value = "authMethod", expander = PathSegment.class) AuthMethod authMethod,
            @Param(value = "username", expander = PathSegment.class) String username,
            @QueryMap UserMessageQuery query);

    /** Marks the user's messages deleted, among the calling API client's. */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/frontend_users/{authMethod}/{username}/messages", decodeSlash = false)
    void deleteUserMessages(
            @Param(value = "authMethod", expander = PathSegment.class) AuthMethod authMethod,
            @Param(value = "username", expander = PathSegment.class) String username);

    /** A page of the user's messages, after the page the query's {@code before} or {@code after} names, or the first. */
    @RequestLine(value = "GET /api/v1/frontend_users/{authMethod}/{username}/messages/cursor", decodeSlash = false)
    MessagePage getUserMessagesCursor(
            @Param(value = "authMethod", expander = PathSegment.class) AuthMethod authMethod,
            @Param(value = "username", expander = PathSegment.class) String username,
            @QueryMap UserMessageCursorQuery query);

    /**
     * The user's messages by the frontend's id alone, whatever the auth method (the 2023-01 backend;
     * newer ones read the path as {@code {auth_method}/{username}} and refuse it), newest first unless
     * the query says otherwise; the query's {@code lang} is not read here.
     */
    @RequestLine(value = "GET /api/v1/frontend_users/{username}/messages", decodeSlash = false)
    List<Message> getMessagesByUsername(
            @Param(value = "username", expander = PathSegment.class) String username, @QueryMap UserMessageQuery query);

    /**
     * Marks the user's messages deleted by the frontend's id alone (the 2023-01 backend, which marks
     * only the 10 newest, among the calling API client's).
     */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/frontend_users/{username}/messages", decodeSlash = false)
    void deleteMessagesByUsername(@Param(value = "username", expander = PathSegment.class) String username);
}
