package io.github.oasst.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OasstErrorTest {
    private static OasstError error(int status, Integer code) {
        return new OasstError(status, code, "msg", "POST", "/api/v1/tasks/", "{}", List.of(), null);
    }

    @ParameterizedTest
    @CsvSource({
        "429, , NOT_PROCESSED",
        "503, , NOT_PROCESSED",
        "429, 429, NOT_PROCESSED",
        "500, 0, AMBIGUOUS",
        "502, , AMBIGUOUS",
        "504, , AMBIGUOUS",
        "400, 2103, DEFINITE",
        "404, 2100, DEFINITE",
        "403, 2, DEFINITE",
        "422, , DEFINITE",
        "503, 1006, DEFINITE",
        "307, , DEFINITE"
    })
    void failureClassFollowsStatusAndCode(int status, Integer code, FailureClass expected) {
        assertThat(error(status, code).failureClass()).isEqualTo(expected);
    }

    @Test
    void messageNamesStatusCodeMethodAndPath() {
        OasstError error = new OasstError(
                403, 2, "Could not validate credentials", "POST", "/api/v1/tasks/", "{}", List.of(), null);

        assertThat(error.getMessage())
                .isEqualTo("403 API_CLIENT_NOT_AUTHORIZED: Could not validate credentials (POST /api/v1/tasks/)");
        assertThat(error.description()).isEqualTo("403 API_CLIENT_NOT_AUTHORIZED: Could not validate credentials");
        assertThat(error.knownErrorCode()).contains(OasstErrorCode.API_CLIENT_NOT_AUTHORIZED);
        assertThat(error.hasErrorCode(OasstErrorCode.API_CLIENT_NOT_AUTHORIZED)).isTrue();
        assertThat(error.mayHaveReachedServer()).isTrue();
    }

    @Test
    void unknownCodesAreKeptAndShownAsNumbers() {
        OasstError error = new OasstError(400, 9999, "new", "POST", "/p", "", List.of(), null);

        assertThat(error.errorCode()).hasValue(9999);
        assertThat(error.knownErrorCode()).isEmpty();
        assertThat(error.description()).isEqualTo("400 error_code 9999: new");
    }

    @Test
    void errorsWithoutCodeShowTheReasonPhrase() {
        assertThat(new OasstError(502, null, "non-JSON body", "POST", "/p", "<html>", List.of(), null).description())
                .isEqualTo("502 Bad Gateway: non-JSON body");
    }

    @Test
    void bodyExcerptIsCapped() {
        OasstError error = new OasstError(500, null, "m", "POST", "/p", "x".repeat(10_000), List.of(), Duration.ZERO);

        assertThat(error.bodyExcerpt()).hasSize(OasstError.MAX_BODY_EXCERPT);
    }

    @Test
    void earlierAttemptsAreCountedAndListed() {
        OasstError first = error(503, null);
        OasstTransportException second = new OasstTransportException(
                OasstTransportException.Kind.READ_TIMEOUT,
                "POST",
                "/api/v1/tasks/",
                new java.net.SocketTimeoutException("timeout"));
        OasstError last = error(503, null);
        last.recordEarlierAttempts(List.of(first, second));

        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.getSuppressed())
                .as("the record is not made of suppressed exceptions")
                .isEmpty();
        assertThat(last.earlierAttempts()).containsExactly(first, second);
        assertThat(last.getMessage())
                .isEqualTo(
                        "503 Service Unavailable: msg (POST /api/v1/tasks/; 3 attempts: 1) 503 Service Unavailable: msg;"
                                + " 2) read timed out (request may have reached the server): SocketTimeoutException: timeout; 3) this)");
    }

    @Test
    void aCallThatFailedWithTheSameInstanceEveryTimeRecordsItWithoutSelfSuppression() {
        OasstError same = error(503, null);

        same.recordEarlierAttempts(List.of(same, same));

        assertThat(same.attempts()).isEqualTo(3);
        assertThat(same.getMessage()).contains("3 attempts: 1) 503 Service Unavailable: msg; 2) 503");
    }

    /** {@code OasstErrorCode} of oasst_shared at the 2023-01 commit (69bc799c), name and number. */
    private static final String CODES_2023_01 = "GENERIC_ERROR 0, DATABASE_URI_NOT_SET 1, API_CLIENT_NOT_AUTHORIZED 2,"
            + " SERVER_ERROR 3, TOO_MANY_REQUESTS 429, TASK_INVALID_REQUEST_TYPE 1000, TASK_ACK_FAILED 1001,"
            + " TASK_NACK_FAILED 1002, TASK_INVALID_RESPONSE_TYPE 1003, TASK_INTERACTION_REQUEST_FAILED 1004,"
            + " TASK_GENERATION_FAILED 1005, INVALID_FRONTEND_MESSAGE_ID 2000, MESSAGE_NOT_FOUND 2001,"
            + " RATING_OUT_OF_RANGE 2002, INVALID_RANKING_VALUE 2003, INVALID_TASK_TYPE 2004,"
            + " USER_NOT_SPECIFIED_2023_01 2005, NO_MESSAGE_TREE_FOUND 2006, NO_REPLIES_FOUND 2007,"
            + " INVALID_MESSAGE 2008, TASK_NOT_FOUND 2100, TASK_EXPIRED 2101, TASK_PAYLOAD_TYPE_MISMATCH 2102,"
            + " TASK_ALREADY_UPDATED 2103, TASK_NOT_ACK 2104, TASK_ALREADY_DONE 2105, TASK_NOT_COLLECTIVE 2106,"
            + " HUGGINGFACE_API_ERROR 3001";

    /** The same at the 2023-05 commit (62b6a92d); {@code TASK_UNEXPECTED_PAYLOAD_TYPE_} without its underscore. */
    private static final String CODES_2023_05 = "GENERIC_ERROR 0, DATABASE_URI_NOT_SET 1, API_CLIENT_NOT_AUTHORIZED 2,"
            + " ROOT_TOKEN_NOT_AUTHORIZED 3, DATABASE_MAX_RETRIES_EXHAUSTED 4, SORT_KEY_UNSUPPORTED 100,"
            + " INVALID_CURSOR_VALUE 101, TOO_MANY_REQUESTS 429, SERVER_ERROR0 500, SERVER_ERROR1 501,"
            + " INVALID_AUTHENTICATION 600, TASK_INVALID_REQUEST_TYPE 1000, TASK_ACK_FAILED 1001,"
            + " TASK_NACK_FAILED 1002, TASK_INVALID_RESPONSE_TYPE 1003, TASK_INTERACTION_REQUEST_FAILED 1004,"
            + " TASK_GENERATION_FAILED 1005, TASK_REQUESTED_TYPE_NOT_AVAILABLE 1006,"
            + " TASK_AVAILABILITY_QUERY_FAILED 1007, TASK_MESSAGE_TOO_LONG 1008, TASK_MESSAGE_DUPLICATED 1009,"
            + " TASK_MESSAGE_TEXT_EMPTY 1010, TASK_MESSAGE_DUPLICATE_REPLY 1011, TASK_TOO_MANY_PENDING 1012,"
            + " INVALID_FRONTEND_MESSAGE_ID 2000, MESSAGE_NOT_FOUND 2001, RATING_OUT_OF_RANGE 2002,"
            + " INVALID_RANKING_VALUE 2003, INVALID_TASK_TYPE 2004, NO_MESSAGE_TREE_FOUND 2006,"
            + " NO_REPLIES_FOUND 2007, INVALID_MESSAGE 2008, BROKEN_CONVERSATION 2009, TREE_IN_ABORTED_STATE 2010,"
            + " CORRUPT_RANKING_RESULT 2011, AUTH_AND_USERNAME_REQUIRED 2012, TEXT_LABELS_WRONG_MESSAGE_ID 2050,"
            + " TEXT_LABELS_INVALID_LABEL 2051, TEXT_LABELS_MANDATORY_LABEL_MISSING 2052,"
            + " TEXT_LABELS_NO_SELF_LABELING 2053, TEXT_LABELS_DUPLICATE_TASK_REPLY 2053, TASK_NOT_FOUND 2100,"
            + " TASK_EXPIRED 2101, TASK_PAYLOAD_TYPE_MISMATCH 2102, TASK_ALREADY_UPDATED 2103, TASK_NOT_ACK 2104,"
            + " TASK_ALREADY_DONE 2105, TASK_NOT_COLLECTIVE 2106, TASK_NOT_ASSIGNED_TO_USER 2106,"
            + " TASK_UNEXPECTED_PAYLOAD_TYPE 2107, HUGGINGFACE_API_ERROR 3001, USER_NOT_SPECIFIED 4000,"
            + " USER_DISABLED 4001, USER_NOT_FOUND 4002, USER_HAS_NOT_ACCEPTED_TOS 4003, EMOJI_OP_UNSUPPORTED 5000,"
            + " CACHED_STATS_NOT_AVAILABLE 6000";

    @Test
    void everyErrorCodeOfBothServerVersionsHasItsName() {
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        for (String entry : (CODES_2023_01 + ", " + CODES_2023_05).split(", ")) {
            String[] nameAndCode = entry.split(" ");
            expected.put(nameAndCode[0], Integer.parseInt(nameAndCode[1]));
        }
        java.util.Map<String, Integer> actual = new java.util.TreeMap<>();
        for (OasstErrorCode code : OasstErrorCode.values()) {
            actual.put(code.name(), code.code());
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aNumberWithTwoNamesIsKnownByTheNameA2023_05ServerGivesIt() {
        assertThat(OasstErrorCode.fromCode(2106)).contains(OasstErrorCode.TASK_NOT_COLLECTIVE);
        assertThat(OasstErrorCode.fromCode(2053)).contains(OasstErrorCode.TEXT_LABELS_NO_SELF_LABELING);
        assertThat(OasstErrorCode.fromCode(3)).contains(OasstErrorCode.ROOT_TOKEN_NOT_AUTHORIZED);
        assertThat(OasstErrorCode.fromCode(4000)).contains(OasstErrorCode.USER_NOT_SPECIFIED);
        assertThat(OasstErrorCode.fromCode(7777)).isEmpty();

        OasstError notAssigned =
                new OasstError(400, 2106, "Task was assigned to a different user.", "POST", "/p", "", List.of(), null);
        assertThat(notAssigned.hasErrorCode(OasstErrorCode.TASK_NOT_ASSIGNED_TO_USER))
                .isTrue();
        assertThat(notAssigned.hasErrorCode(OasstErrorCode.TASK_NOT_COLLECTIVE)).isTrue();
        assertThat(notAssigned.getMessage())
                .startsWith("400 TASK_NOT_COLLECTIVE/TASK_NOT_ASSIGNED_TO_USER: Task was assigned");
    }

    @Test
    void anUnknownFutureCodeIsShownAsItsNumber() {
        OasstError future = new OasstError(400, 7777, "Something new.", "POST", "/p", "", List.of(), null);

        assertThat(future.knownErrorCode()).isEmpty();
        assertThat(future.errorCode()).hasValue(7777);
        assertThat(future.getMessage()).startsWith("400 error_code 7777: Something new.");
    }

    @Test
    void transportKindsTellWhetherTheRequestWasSent() {
        OasstTransportException refused = new OasstTransportException(
                OasstTransportException.Kind.CONNECT_FAILED, "POST", "/p", new java.net.ConnectException("refused"));

        assertThat(refused.mayHaveReachedServer()).isFalse();
        assertThat(refused.failureClass()).isEqualTo(FailureClass.NOT_PROCESSED);
        assertThat(refused.getMessage())
                .isEqualTo("could not connect (request not sent): ConnectException: refused (POST /p)");
    }
}
