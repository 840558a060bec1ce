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

    @Test
    void everyErrorCodeHasADistinctValue() {
        assertThat(OasstErrorCode.values()).extracting(OasstErrorCode::code).doesNotHaveDuplicates();
        assertThat(OasstErrorCode.fromCode(2106)).contains(OasstErrorCode.TASK_NOT_COLLECTIVE);
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
