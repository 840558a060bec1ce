package io.github.oasst.contract;

import static io.github.oasst.contract.DataCase.from2023_02;
import static io.github.oasst.contract.DataFixtures.API_CLIENT_ID;
import static io.github.oasst.contract.DataFixtures.AUTH_METHOD;
import static io.github.oasst.contract.DataFixtures.CURSOR;
import static io.github.oasst.contract.DataFixtures.END;
import static io.github.oasst.contract.DataFixtures.LANG;
import static io.github.oasst.contract.DataFixtures.START;
import static io.github.oasst.contract.DataFixtures.USERNAME;
import static io.github.oasst.contract.DataFixtures.USER_ID;
import static io.github.oasst.contract.Fixtures.FRONTEND_MESSAGE_ID;
import static io.github.oasst.contract.Fixtures.MESSAGE_ID;

import io.github.oasst.client.data.MessageCursorQuery;
import io.github.oasst.client.data.MessageQuery;
import java.util.List;

/** The cases of {@code OasstMessagesApi} and {@code OasstFrontendMessagesApi}. */
final class MessageCases {
    private MessageCases() {}

    static List<DataCase> all() {
        return List.of(
                DataCase.of(
                        "GET /api/v1/messages/",
                        (data, schema) -> data.messages()
                                .queryMessages(from2023_02(
                                                schema,
                                                MessageQuery.builder()
                                                        .username(USERNAME)
                                                        .apiClientId(API_CLIENT_ID)
                                                        .maxCount(25)
                                                        .startDate(START)
                                                        .endDate(END)
                                                        .onlyRoots(true)
                                                        .desc(false)
                                                        .allowDeleted(true),
                                                query -> query.authMethod(AUTH_METHOD)
                                                        .lang(LANG))
                                        .build())),
                DataCase.of(
                        "GET /api/v1/messages/cursor",
                        (data, schema) -> data.messages()
                                .messagesCursor(MessageCursorQuery.builder()
                                        .before(CURSOR)
                                        .after(CURSOR)
                                        .userId(USER_ID)
                                        .authMethod(AUTH_METHOD)
                                        .username(USERNAME)
                                        .apiClientId(API_CLIENT_ID)
                                        .onlyRoots(true)
                                        .includeDeleted(true)
                                        .maxCount(50)
                                        .desc(true)
                                        .lang(LANG)
                                        .includeUser(true)
                                        .build())),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}",
                        (data, schema) -> data.messages().getMessage(MESSAGE_ID)),
                DataCase.ofVoid(
                        "DELETE /api/v1/messages/{message_id}",
                        (data, schema) -> data.messages().deleteMessage(MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}/conversation",
                        (data, schema) -> data.messages().getConversation(MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}/tree",
                        (data, schema) -> data.messages()
                                .getTree(MESSAGE_ID, from2023_02(schema, true), from2023_02(schema, false))),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}/tree/state",
                        (data, schema) -> data.messages().getTreeState(MESSAGE_ID)),
                DataCase.of(
                        "PUT /api/v1/messages/{message_id}/tree/state",
                        (data, schema) -> data.messages().setTreeHalted(MESSAGE_ID, true)),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}/children",
                        (data, schema) -> data.messages().getChildren(MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}/descendants",
                        (data, schema) -> data.messages().getDescendants(MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}/longest_conversation_in_tree",
                        (data, schema) -> data.messages().getLongestConversation(MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/messages/{message_id}/max_children_in_tree",
                        (data, schema) -> data.messages().getMaxChildren(MESSAGE_ID)),
                DataCase.ofVoid(
                        "PUT /api/v1/messages/{message_id}/undelete",
                        (data, schema) -> data.messages().undeleteMessage(MESSAGE_ID)),
                DataCase.ofVoid(
                        "POST /api/v1/messages/{message_id}/emoji",
                        (data, schema) -> data.messages().postEmoji(MESSAGE_ID, DataFixtures.emoji())),
                DataCase.of(
                        "GET /api/v1/frontend_messages/{message_id}",
                        (data, schema) -> data.frontendMessages().getMessage(FRONTEND_MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/frontend_messages/{message_id}/conversation",
                        (data, schema) -> data.frontendMessages().getConversation(FRONTEND_MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/frontend_messages/{message_id}/tree",
                        (data, schema) -> data.frontendMessages()
                                .getTree(FRONTEND_MESSAGE_ID, from2023_02(schema, false), from2023_02(schema, true))),
                DataCase.of(
                        "GET /api/v1/frontend_messages/{message_id}/children",
                        (data, schema) -> data.frontendMessages().getChildren(FRONTEND_MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/frontend_messages/{message_id}/descendants",
                        (data, schema) -> data.frontendMessages().getDescendants(FRONTEND_MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/frontend_messages/{message_id}/longest_conversation_in_tree",
                        (data, schema) -> data.frontendMessages().getLongestConversation(FRONTEND_MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/frontend_messages/{message_id}/max_children_in_tree",
                        (data, schema) -> data.frontendMessages().getMaxChildren(FRONTEND_MESSAGE_ID)));
    }
}
