package io.github.oasst.client.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessageEmojiRequest;
import io.github.oasst.client.data.MessagePage;
import io.github.oasst.client.data.MessageTree;
import io.github.oasst.client.data.MessageTreeState;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.Conversation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Messages by the backend's id ({@code /api/v1/messages/…}, the schema's {@code messages} group).
 * Reads are retried like fetching a task; {@link Idempotent} writes after a lost answer too; the
 * others only when the server did not process them. A null query parameter is not sent.
 *
 * <p>Methods marked "servers from 2023-02 on" get 404 (or 405) from a 2023-01 server, as an {@link
 * OasstError}; {@link #messagesCursor} gets 422 there ({@code cursor} is read as a message id).
 */
public interface OasstMessagesApi {
    /**
     * Messages, newest first unless {@code desc} is false ({@code GET /api/v1/messages/}).
     *
     * @param authMethod the author's auth method: servers from 2023-02 on need it with {@code username}
     *     (one without the other is refused), the 2023-01 backend ignores it
     * @param username the frontend's id of the author
     * @param apiClientId the API client whose messages (a trusted key sees all)
     * @param maxCount 1 to 1000; the server's default is 10
     * @param startDate made at or after
     * @param endDate made before (the 2023-01 backend), at or before (newer ones)
     * @param onlyRoots only the roots of trees
     * @param desc newest first (the server's default) or oldest first
     * @param allowDeleted also the deleted ones
     * @param lang the language code (servers from 2023-02 on)
     */
    @RequestLine(
            value = "GET /api/v1/messages/?auth_method={authMethod}&username={username}&api_client_id={apiClientId}"
                    + "&max_count={maxCount}&start_date={startDate}&end_date={endDate}&only_roots={onlyRoots}&desc={desc}"
                    + "&allow_deleted={allowDeleted}&lang={lang}",
            decodeSlash = false)
    List<Message> queryMessages(
            @Param(value = "authMethod", expander = QueryValue.class) @Nullable AuthMethod authMethod,
            @Param(value = "username", expander = QueryValue.class) @Nullable String username,
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("startDate") @Nullable Instant startDate,
            @Param("endDate") @Nullable Instant endDate,
            @Param("onlyRoots") @Nullable Boolean onlyRoots,
            @Param("desc") @Nullable Boolean desc,
            @Param("allowDeleted") @Nullable Boolean allowDeleted,
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang);

    /**
     * A page of messages ({@code GET /api/v1/messages/cursor}, servers from 2023-02 on): after the
     * page {@code before} or {@code after} names (a page's {@code prev} or {@code next}), or the first.
     */
    @RequestLine(
            value =
                    "GET /api/v1/messages/cursor?before={before}&after={after}&user_id={userId}&auth_method={authMethod}"
                            + "&username={username}&api_client_id={apiClientId}&only_roots={onlyRoots}&include_deleted={includeDeleted}"
                            + "&max_count={maxCount}&desc={desc}&lang={lang}&include_user={includeUser}",
            decodeSlash = false)
    MessagePage messagesCursor(
            @Param(value = "before", expander = QueryValue.class) @Nullable String before,
            @Param(value = "after", expander = QueryValue.class) @Nullable String after,
            @Param("userId") @Nullable UUID userId,
            @Param(value = "authMethod", expander = QueryValue.class) @Nullable AuthMethod authMethod,
            @Param(value = "username", expander = QueryValue.class) @Nullable String username,
            @Param("apiClientId") @Nullable UUID apiClientId,
            @Param("onlyRoots") @Nullable Boolean onlyRoots,
            @Param("includeDeleted") @Nullable Boolean includeDeleted,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("desc") @Nullable Boolean desc,
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang,
            @Param("includeUser") @Nullable Boolean includeUser);

    /** A message; 404 {@code MESSAGE_NOT_FOUND} (2001) when there is none. Deleted ones too. */
    @RequestLine(value = "GET /api/v1/messages/{messageId}", decodeSlash = false)
    Message getMessage(@Param("messageId") UUID messageId);

    /**
     * Marks a message and its descendants deleted (needs a trusted key). Any id gets 204, an unknown
     * one and a repeat too.
     */
    @Idempotent
    @RequestLine(value = "DELETE /api/v1/messages/{messageId}", decodeSlash = false)
    void deleteMessage(@Param("messageId") UUID messageId);

    /** The messages from the tree's root to this one. */
    @RequestLine(value = "GET /api/v1/messages/{messageId}/conversation", decodeSlash = false)
    Conversation getConversation(@Param("messageId") UUID messageId);

    /**
     * The message's whole tree, in no particular order; {@code id} is the root's.
     *
     * @param includeSpam also messages judged spam (servers from 2023-02 on)
     * @param includeDeleted also deleted messages (servers from 2023-02 on)
     */
    @RequestLine(
            value = "GET /api/v1/messages/{messageId}/tree?include_spam={includeSpam}&include_deleted={includeDeleted}",
            decodeSlash = false)
    MessageTree getTree(
            @Param("messageId") UUID messageId,
            @Param("includeSpam") @Nullable Boolean includeSpam,
            @Param("includeDeleted") @Nullable Boolean includeDeleted);

    /** The state of the message's tree (servers from 2023-02 on). */
    @RequestLine(value = "GET /api/v1/messages/{messageId}/tree/state", decodeSlash = false)
    MessageTreeState getTreeState(@Param("messageId") UUID messageId);

    /** Halts the message's tree or lets it go on (a moderator's; servers from 2023-02 on). */
    @Idempotent
    @RequestLine(value = "PUT /api/v1/messages/{messageId}/tree/state?halt={halt}", decodeSlash = false)
    MessageTreeState setTreeHalted(@Param("messageId") UUID messageId, @Param("halt") boolean halt);

    /** The replies to the message; the 2023-01 backend answers an unknown id with {@code []}. */
    @RequestLine(value = "GET /api/v1/messages/{messageId}/children", decodeSlash = false)
    List<Message> getChildren(@Param("messageId") UUID messageId);

    /** The messages below this one; {@code id} is the message's, which is not among them. */
    @RequestLine(value = "GET /api/v1/messages/{messageId}/descendants", decodeSlash = false)
    MessageTree getDescendants(@Param("messageId") UUID messageId);

    /** The longest conversation of the message's tree: from the root to its deepest message. */
    @RequestLine(value = "GET /api/v1/messages/{messageId}/longest_conversation_in_tree", decodeSlash = false)
    Conversation getLongestConversation(@Param("messageId") UUID messageId);

    /** The message of the tree with the most replies ({@code id}), followed by its replies. */
    @RequestLine(value = "GET /api/v1/messages/{messageId}/max_children_in_tree", decodeSlash = false)
    MessageTree getMaxChildren(@Param("messageId") UUID messageId);

    /** Undeletes a message (a moderator's; answered 202; servers from 2023-02 on). */
    @Idempotent
    @RequestLine(value = "PUT /api/v1/messages/{messageId}/undelete", decodeSlash = false)
    void undeleteMessage(@Param("messageId") UUID messageId);

    /**
     * Adds, removes or toggles a user's emoji on the message (answered 202; servers from 2023-02 on).
     * Never repeated after a lost answer: a toggle sent twice undoes itself.
     */
    @RequestLine(value = "POST /api/v1/messages/{messageId}/emoji", decodeSlash = false)
    @Headers("Content-Type: application/json")
    void postEmoji(@Param("messageId") UUID messageId, MessageEmojiRequest emoji);
}
