package io.github.oasst.client.api;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessageTree;
import io.github.oasst.client.protocol.Conversation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Messages by the id the frontend gave them ({@code /api/v1/frontend_messages/…}): the {@code
 * user_message_id} of the interaction that made the message, looked up among the calling API
 * client's messages (another client's, or a task's ack id, gets 404 {@code MESSAGE_NOT_FOUND}).
 * The same answers as {@link OasstMessagesApi}; all reads.
 */
public interface OasstFrontendMessagesApi {
    @RequestLine(value = "GET /api/v1/frontend_messages/{messageId}", decodeSlash = false)
    Message getMessage(@Param(value = "messageId", expander = PathSegment.class) String frontendMessageId);

    @RequestLine(value = "GET /api/v1/frontend_messages/{messageId}/conversation", decodeSlash = false)
    Conversation getConversation(@Param(value = "messageId", expander = PathSegment.class) String frontendMessageId);

    /** The message's tree; the two flags need servers from 2023-02 on. */
    @RequestLine(
            value =
                    "GET /api/v1/frontend_messages/{messageId}/tree?include_spam={includeSpam}&include_deleted={includeDeleted}",
            decodeSlash = false)
    MessageTree getTree(
            @Param(value = "messageId", expander = PathSegment.class) String frontendMessageId,
            @Param("includeSpam") @Nullable Boolean includeSpam,
            @Param("includeDeleted") @Nullable Boolean includeDeleted);

    /** The replies; an unknown id gets 404 here (by the backend's id: {@code []}). */
    @RequestLine(value = "GET /api/v1/frontend_messages/{messageId}/children", decodeSlash = false)
    List<Message> getChildren(@Param(value = "messageId", expander = PathSegment.class) String frontendMessageId);

    @RequestLine(value = "GET /api/v1/frontend_messages/{messageId}/descendants", decodeSlash = false)
    MessageTree getDescendants(@Param(value = "messageId", expander = PathSegment.class) String frontendMessageId);

    @RequestLine(value = "GET /api/v1/frontend_messages/{messageId}/longest_conversation_in_tree", decodeSlash = false)
    Conversation getLongestConversation(
            @Param(value = "messageId", expander = PathSegment.class) String frontendMessageId);

    @RequestLine(value = "GET /api/v1/frontend_messages/{messageId}/max_children_in_tree", decodeSlash = false)
    MessageTree getMaxChildren(@Param(value = "messageId", expander = PathSegment.class) String frontendMessageId);
}
