package io.github.oasst.contract;

import static io.github.oasst.contract.DataCase.from2023_02;
import static io.github.oasst.contract.DataFixtures.API_CLIENT_ID;
import static io.github.oasst.contract.DataFixtures.AUTH_METHOD;
import static io.github.oasst.contract.DataFixtures.CURSOR;
import static io.github.oasst.contract.DataFixtures.END;
import static io.github.oasst.contract.DataFixtures.LANG;
import static io.github.oasst.contract.DataFixtures.OTHER_USER_ID;
import static io.github.oasst.contract.DataFixtures.START;
import static io.github.oasst.contract.DataFixtures.USERNAME;
import static io.github.oasst.contract.DataFixtures.USER_ID;

import io.github.oasst.client.data.DisplayNameQuery;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.data.UserCursorQuery;
import io.github.oasst.client.data.UserMessageCursorQuery;
import io.github.oasst.client.data.UserMessageQuery;
import io.github.oasst.client.data.UserQuery;
import io.github.oasst.client.data.UserUpdate;
import java.util.List;

/** The cases of {@code OasstUsersApi} and {@code OasstFrontendUsersApi}. */
final class UserCases {
    private UserCases() {}

    static List<DataCase> all() {
        return List.of(
                DataCase.of(
                        "GET /api/v1/users/by_username",
                        (data, schema) -> data.users()
                                .usersByUsername(UserQuery.builder()
                                        .apiClientId(API_CLIENT_ID)
                                        .gteUsername("a")
                                        .gtId(OTHER_USER_ID)
                                        .lteUsername("z")
                                        .ltId(USER_ID)
                                        .searchText("ad")
                                        .authMethod(AUTH_METHOD)
                                        .maxCount(20)
                                        .desc(false)
                                        .build())),
                DataCase.of(
                        "GET /api/v1/users/by_display_name",
                        (data, schema) -> data.users()
                                .usersByDisplayName(DisplayNameQuery.builder()
                                        .apiClientId(API_CLIENT_ID)
                                        .gteDisplayName("A")
                                        .gtId(OTHER_USER_ID)
                                        .lteDisplayName("Z")
                                        .ltId(USER_ID)
                                        .authMethod(AUTH_METHOD)
                                        .searchText("Ad")
                                        .maxCount(20)
                                        .desc(true)
                                        .build())),
                DataCase.of(
                        "GET /api/v1/users/cursor",
                        (data, schema) -> data.users()
                                .usersCursor(UserCursorQuery.builder()
                                        .before(CURSOR)
                                        .after(CURSOR)
                                        .sortKey("display_name")
                                        .maxCount(100)
                                        .apiClientId(API_CLIENT_ID)
                                        .searchText("ad")
                                        .authMethod(AUTH_METHOD)
                                        .build())),
                DataCase.of(
                        "GET /api/v1/users/{user_id}",
                        (data, schema) -> data.users().getUser(USER_ID, API_CLIENT_ID)),
                DataCase.ofVoid(
                        "PUT /api/v1/users/{user_id}",
                        (data, schema) -> data.users()
                                .updateUser(
                                        USER_ID,
                                        UserUpdate.builder()
                                                .enabled(false)
                                                .notes("spam wave of May")
                                                .showOnLeaderboard(false)
                                                .tosAcceptance(true)
                                                .build())),
                DataCase.ofVoid(
                        "DELETE /api/v1/users/{user_id}",
                        (data, schema) -> data.users().deleteUser(USER_ID)),
                DataCase.of(
                        "GET /api/v1/users/{user_id}/messages",
                        (data, schema) -> data.users()
                                .getUserMessages(
                                        USER_ID,
                                        from2023_02(
                                                        schema,
                                                        UserMessageQuery.builder()
                                                                .apiClientId(API_CLIENT_ID)
                                                                .maxCount(10)
                                                                .startDate(START)
                                                                .endDate(END)
                                                                .onlyRoots(false)
                                                                .desc(true)
                                                                .includeDeleted(true),
                                                        query -> query.lang(LANG))
                                                .build())),
                DataCase.ofVoid(
                        "DELETE /api/v1/users/{user_id}/messages",
                        (data, schema) -> data.users().deleteUserMessages(USER_ID)),
                DataCase.of(
                        "GET /api/v1/users/{user_id}/messages/cursor",
                        (data, schema) -> data.users()
                                .getUserMessagesCursor(
                                        USER_ID,
                                        UserMessageCursorQuery.builder()
                                                .before(CURSOR)
                                                .after(CURSOR)
                                                .onlyRoots(true)
                                                .includeDeleted(false)
                                                .maxCount(100)
                                                .desc(true)
                                                .lang(LANG)
                                                .build())),
                DataCase.of(
                        "GET /api/v1/users/{user_id}/stats",
                        (data, schema) -> data.users().getUserStats(USER_ID)),
                DataCase.of(
                        "GET /api/v1/users/{user_id}/stats/{time_frame}",
                        (data, schema) -> data.users().getUserStats(USER_ID, TimeFrame.WEEK)),
                DataCase.of(
                        "GET /api/v1/users/{user_id}/stats/{time_frame}/window",
                        (data, schema) -> data.users().getUserStatsWindow(USER_ID, TimeFrame.MONTH, 3)),
                DataCase.of(
                        "GET /api/v1/frontend_users/",
                        (data, schema) -> data.frontendUsers()
                                .getUsers(UserQuery.builder()
                                        .apiClientId(API_CLIENT_ID)
                                        .gteUsername("1")
                                        .gtId(OTHER_USER_ID)
                                        .lteUsername("9")
                                        .ltId(USER_ID)
                                        .searchText("314")
                                        .authMethod(AUTH_METHOD)
                                        .maxCount(50)
                                        .build())),
                DataCase.of(
                        "POST /api/v1/frontend_users/",
                        (data, schema) -> data.frontendUsers().createUser(DataFixtures.newUser())),
                DataCase.of(
                        "GET /api/v1/frontend_users/{auth_method}/{username}",
                        (data, schema) -> data.frontendUsers().getUser(AUTH_METHOD, USERNAME, API_CLIENT_ID)),
                DataCase.of(
                        "GET /api/v1/frontend_users/{auth_method}/{username}/messages",
                        (data, schema) -> data.frontendUsers()
                                .getUserMessages(
                                        AUTH_METHOD,
                                        USERNAME,
                                        UserMessageQuery.builder()
                                                .apiClientId(API_CLIENT_ID)
                                                .maxCount(10)
                                                .startDate(START)
                                                .endDate(END)
                                                .onlyRoots(true)
                                                .desc(false)
                                                .includeDeleted(false)
                                                .lang(LANG)
                                                .build())),
                DataCase.ofVoid(
                        "DELETE /api/v1/frontend_users/{auth_method}/{username}/messages",
                        (data, schema) -> data.frontendUsers().deleteUserMessages(AUTH_METHOD, USERNAME)),
                DataCase.of(
                        "GET /api/v1/frontend_users/{auth_method}/{username}/messages/cursor",
                        (data, schema) -> data.frontendUsers()
                                .getUserMessagesCursor(
                                        AUTH_METHOD,
                                        USERNAME,
                                        UserMessageCursorQuery.builder()
                                                .before(CURSOR)
                                                .after(CURSOR)
                                                .onlyRoots(false)
                                                .includeDeleted(true)
                                                .maxCount(25)
                                                .desc(false)
                                                .lang(LANG)
                                                .build())),
                DataCase.of(
                        "GET /api/v1/frontend_users/{username}/messages",
                        (data, schema) -> data.frontendUsers()
                                .getMessagesByUsername(
                                        USERNAME,
                                        UserMessageQuery.builder()
                                                .apiClientId(API_CLIENT_ID)
                                                .maxCount(10)
                                                .startDate(START)
                                                .endDate(END)
                                                .onlyRoots(false)
                                                .desc(true)
                                                .includeDeleted(true)
                                                .build())),
                DataCase.ofVoid(
                        "DELETE /api/v1/frontend_users/{username}/messages",
                        (data, schema) -> data.frontendUsers().deleteMessagesByUsername(USERNAME)));
    }
}
