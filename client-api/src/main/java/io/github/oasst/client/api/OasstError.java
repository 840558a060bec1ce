package io.github.oasst.client.api;

import io.github.oasst.client.internal.HttpStatusText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a status outside 2xx.
 *
 * <p>It carries the real HTTP status; the OASST {@code error_code} and {@code message} when the body
 * is OASST's error object; the readable {@code detail} of FastAPI's 422 validation errors; and for
 * any other body (an HTML page from a proxy, say) a bounded excerpt of it.
 */
public final class OasstError extends OasstException {
    private static final long serialVersionUID = 1L;

    /** The most characters of the response body an error keeps. */
    public static final int MAX_BODY_EXCERPT = 1024;

    private final int status;
    private final @Nullable Integer errorCode;
    private final String serverMessage;
    private final String bodyExcerpt;
    private final List<String> validationErrors;
    private final @Nullable Duration retryAfter;

    /**
     * @param status the HTTP status, outside 200–299
     * @param errorCode the OASST {@code error_code}, null when the body holds none
     * @param serverMessage what the server said: the OASST {@code message}, the readable 422 details,
     *     or a summary of a body that is not OASST's
     * @param method the request's HTTP method
     * @param path the request's path without the query
     * @param bodyExcerpt the start of the body, cut to {@link #MAX_BODY_EXCERPT} characters
     * @param validationErrors each of a 422's details as {@code location: message}; empty otherwise
     * @param retryAfter how long the server asked to wait ({@code Retry-After}, or OASST's
     *     rate-limit message), null when it did not
     */
    public OasstError(
            int status,
            @Nullable Integer errorCode,
            String serverMessage,
            String method,
            String path,
            String bodyExcerpt,
            List<String> validationErrors,
            @Nullable Duration retryAfter) {
        super(describe(status, errorCode, serverMessage), method, path, null);
        if (status >= 200 && status < 300) {
            throw new IllegalArgumentException("status " + status + " is not an error");
        }
        this.status = status;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
        this.bodyExcerpt =
                bodyExcerpt.length() > MAX_BODY_EXCERPT ? bodyExcerpt.substring(0, MAX_BODY_EXCERPT) : bodyExcerpt;
        this.validationErrors = List.copyOf(validationErrors);
        this.retryAfter = retryAfter;
    }

    private static String describe(int status, @Nullable Integer errorCode, String serverMessage) {
        String label;
        if (errorCode == null) {
            label = HttpStatusText.of(status);
        } else {
            label = OasstErrorCode.names(errorCode);
        }
        return status + " " + label + ": " + serverMessage;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The OASST {@code error_code}, empty when the body holds none. */
    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    /** The OASST error code, empty when the body holds none or one this client does not know. */
    public Optional<OasstErrorCode> knownErrorCode() {
        return errorCode == null ? Optional.empty() : OasstErrorCode.fromCode(errorCode);
    }

    /** Whether the body holds this OASST error code. */
    public boolean hasErrorCode(OasstErrorCode code) {
        return errorCode != null && errorCode == code.code();
    }

    /** What the server said (see the constructor). */
    public String serverMessage() {
        return serverMessage;
    }

    /** The start of the response body, at most {@link #MAX_BODY_EXCERPT} characters. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** Each of a 422's validation details as {@code location: message}; empty for other errors. */
    public List<String> validationErrors() {
        return validationErrors;
    }

    /** How long the server asked to wait before trying again, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * {@link FailureClass#NOT_PROCESSED} for 429 and 503, {@link FailureClass#AMBIGUOUS} for 500,
     * 502 and 504, {@link FailureClass#DEFINITE} for the rest; an OASST error code of 1000 or above
     * (a task or repository error) is definite whatever the status.
     */
    @Override
    public FailureClass failureClass() {
        if (errorCode != null && errorCode >= 1000) {
            return FailureClass.DEFINITE;
        }
        return switch (status) {
            case 429, 503 -> FailureClass.NOT_PROCESSED;
            case 500, 502, 504 -> FailureClass.AMBIGUOUS;
            default -> FailureClass.DEFINITE;
        };
    }
}
