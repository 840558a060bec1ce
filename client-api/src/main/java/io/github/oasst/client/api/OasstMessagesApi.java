package io.github.oasst.client.api;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessageCursorQuery;
import io.github.oasst.client.data.MessageEmojiRequest;
import io.github.oasst.client.data.MessagePage;
import io.github.oasst.client.data.MessageQuery;
import io.github.oasst.client.data.MessageTree;
import io.github.oasst.client.data.MessageTreeState;
import io.github.oasst.client.protocol.Conversation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Messages by the backend's id ({@code /api/v1/messages/…}, the schema's {@code messages} group).
 * Reads are retried like fetching a task; {@link Idempotent} writes after a lost answer too; the
 * others only when the server did not process them. A null query parameter, or one a query object
 * leaves unset, is not sent.
 *
 * <p>Methods marked "servers from 2023-02 on" get 404 (or 405) from a 2023-01 server, as an {@link
 * OasstError}; {@link #messagesCursor} gets 422 there ({@code cursor} is read as a message id).
 */
public interface OasstMessagesApi {
    /**
     * Messages, newest first unless the query says otherwise ({@code GET /api/v1/messages/}).
     *
     * @param query the filters, {@link MessageQuery#defaults()} for none
     */
    @RequestLine(value = "GET /api/v1/messages/", decodeSlash = false)
    List<Message> queryMessages(@QueryMap MessageQuery query);

    /**
     * A page of messages ({@code GET /api/v1/messages/cursor}, servers from 2023-02 on): after the
     * page the query's {@code before} or {@code after} names (a page's {@code prev} or {@code next}),
     * or the first.
     *
     * @param query the filters and the cursor, {@link MessageCursorQuery#defaults()} for none
     */
    @RequestLine(value = "GET /api/v1/messages/cursor", decodeSlash = false)
    MessagePage messagesCursor(@QueryMap MessageCursorQuery query);

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
