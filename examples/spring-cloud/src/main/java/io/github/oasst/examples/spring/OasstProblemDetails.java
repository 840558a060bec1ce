package io.github.oasst.examples.spring;

import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The client's failures as RFC 9457 problem details for the callers of this application's
 * endpoints: what the backend refused keeps its meaning (a missing task is 404, a refused answer
 * 422 with the OASST error code), what this service could not do is a gateway failure (502 for the
 * backend's server errors and for a key it rejects, 503 when it cannot be reached or limits the
 * rate, with its {@code Retry-After}, 504 on a timeout). {@code mayHaveTakenEffect} tells the
 * caller whether an answer may have been stored after all. The key never appears.
 */
// tag::spring-problem-details[]
@RestControllerAdvice
class OasstProblemDetails {
    @ExceptionHandler(OasstError.class)
    ResponseEntity<ProblemDetail> refused(OasstError error) {
        HttpStatus status = switch (error.status()) {
            case 404 -> HttpStatus.NOT_FOUND;
            case 401, 403 -> HttpStatus.BAD_GATEWAY; // this service's key: not the caller's doing
            case 429 -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> error.status() >= 500 ? HttpStatus.BAD_GATEWAY : HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, error.serverMessage());
        problem.setTitle("The OASST backend refused the request");
        error.knownErrorCode().ifPresent(code -> problem.setProperty("oasstErrorCode", code.name()));
        problem.setProperty("mayHaveTakenEffect", error.mayHaveTakenEffect());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        error.retryAfter()
                .ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
        return response.body(problem);
    }

    @ExceptionHandler(OasstTransportException.class)
    ProblemDetail unreachable(OasstTransportException failure) {
        HttpStatus status = switch (failure.kind()) {
            case READ_TIMEOUT, CALL_TIMEOUT, CONNECT_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            default -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, failure.kind().summary());
        problem.setTitle("The OASST backend could not be reached");
        problem.setProperty("kind", failure.kind().name());
        problem.setProperty("mayHaveTakenEffect", failure.mayHaveTakenEffect());
        return problem;
    }

    @ExceptionHandler(OasstDecodeException.class)
    ProblemDetail unreadable(OasstDecodeException failure) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The backend's answer could not be read");
        problem.setTitle("The OASST backend answered unexpectedly");
        problem.setProperty("mayHaveTakenEffect", failure.mayHaveTakenEffect());
        return problem;
    }

    /** Refused before anything was sent: an argument the client or the backend cannot take. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException failure) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, failure.getMessage());
    }
}
// end::spring-problem-details[]
