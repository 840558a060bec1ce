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

import io.github.oasst.client.data.TimeFrame;
import java.util.List;

/** The cases of {@code OasstUsersApi} and {@code OasstFrontendUsersApi}. */
final class UserCases {
    private UserCases() {}

    static List<DataCase> all() {
        return List.of(
                DataCase.of(
                        "GET /api/v1/users/by_username",
                        (data, schema) -> data.users()
                                .usersByUsername(
                                        API_CLIENT_ID, "a", OTHER_USER_ID, "z", USER_ID, "ad", AUTH_METHOD, 20, false)),
                DataCase.of(
                        "GET /api/v1/users/by_display_name",
                        (data, schema) -> data.users()
                                .usersByDisplayName(
                                        API_CLIENT_ID, "A", OTHER_USER_ID, "Z", USER_ID, AUTH_METHOD, "Ad", 20, true)),
                DataCase.of(
                        "GET /api/v1/users/cursor",
                        (data, schema) -> data.users()
                                .usersCursor(CURSOR, CURSOR, "display_name", 100, API_CLIENT_ID, "ad", AUTH_METHOD)),
                DataCase.of(
                        "GET /api/v1/users/{user_id}",
                        (data, schema) -> data.users().getUser(USER_ID, API_CLIENT_ID)),
                DataCase.ofVoid(
                        "PUT /api/v1/users/{user_id}",
                        (data, schema) -> data.users().updateUser(USER_ID, false, "spam wave of May", false, true)),
                DataCase.ofVoid(
                        "DELETE /api/v1/users/{user_id}",
                        (data, schema) -> data.users().deleteUser(USER_ID)),
                DataCase.of(
                        "GET /api/v1/users/{user_id}/messages",
                        (data, schema) -> data.users()
                                .getUserMessages(
                                        USER_ID,
                                        API_CLIENT_ID,
                                        10,
                                        START,
                                        END,
                                        false,
                                        true,
                                        true,
                                        from2023_02(schema, LANG))),
                DataCase.ofVoid(
                        "DELETE /api/v1/users/{user_id}/messages",
                        (data, schema) -> data.users().deleteUserMessages(USER_ID)),
                DataCase.of(
                        "GET /api/v1/users/{user_id}/messages/cursor",
                        (data, schema) -> data.users()
                                .getUserMessagesCursor(USER_ID, CURSOR, CURSOR, true, false, 100, true, LANG)),
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
                                .getUsers(API_CLIENT_ID, "1", OTHER_USER_ID, "9", USER_ID, "314", AUTH_METHOD, 50)),
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
                                        API_CLIENT_ID,
                                        10,
                                        START,
                                        END,
                                        true,
                                        false,
                                        false,
                                        LANG)),
                DataCase.ofVoid(
                        "DELETE /api/v1/frontend_users/{auth_method}/{username}/messages",
                        (data, schema) -> data.frontendUsers().deleteUserMessages(AUTH_METHOD, USERNAME)),
                DataCase.of(
                        "GET /api/v1/frontend_users/{auth_method}/{username}/messages/cursor",
                        (data, schema) -> data.frontendUsers()
                                .getUserMessagesCursor(
                                        AUTH_METHOD, USERNAME, CURSOR, CURSOR, false, true, 25, false, LANG)),
                DataCase.of(
                        "GET /api/v1/frontend_users/{username}/messages",
                        (data, schema) -> data.frontendUsers()
                                .getMessagesByUsername(USERNAME, API_CLIENT_ID, 10, START, END, false, true, true)),
                DataCase.ofVoid(
                        "DELETE /api/v1/frontend_users/{username}/messages",
                        (data, schema) -> data.frontendUsers().deleteMessagesByUsername(USERNAME)));
    }
}
