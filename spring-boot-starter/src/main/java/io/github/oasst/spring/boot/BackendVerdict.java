package io.github.oasst.spring.boot;

import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import org.jspecify.annotations.Nullable;

/**
 * What an outcome says of the backend, for {@link OasstHealthIndicator}: it works (an answer, a
 * 4xx included: the backend judged the request), it could not be reached or answered with a server
 * error, it rejected the key; or nothing (a call the circuit breaker or the caller stopped, a
 * refusal of one operation only).
 */
enum BackendVerdict {
    UP("up"),
    UNREACHABLE("backend unreachable"),
    SERVER_ERROR("backend answering with server errors"),
    CREDENTIALS_REJECTED("credentials rejected"),
    UNEXPECTED_ANSWER("unexpected answer"),
    NONE("nothing said");

    private final String reason;

    BackendVerdict(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /**
     * A call's outcome. A 401 or 403 says nothing here: a key that is not trusted gets 403 from the
     * operations for trusted clients only, and works elsewhere; the probe tells a rejected key.
     */
    static BackendVerdict ofCall(@Nullable Throwable failure) {
        if (failure instanceof OasstTransportException transport
                && (transport.kind() == OasstTransportException.Kind.CIRCUIT_OPEN
                        || transport.kind() == OasstTransportException.Kind.INTERRUPTED)) {
            return NONE;
        }
        if (failure instanceof OasstError error && rejectsCredentials(error)) {
            return NONE;
        }
        if (failure instanceof OasstDecodeException) {
            return NONE; // one operation's body the codec could not read
        }
        return of(failure);
    }

    /** The probe's outcome: every failure tells something. */
    static BackendVerdict ofProbe(@Nullable Throwable failure) {
        if (failure instanceof OasstError error && rejectsCredentials(error)) {
            return CREDENTIALS_REJECTED;
        }
        BackendVerdict verdict = of(failure);
        return verdict == NONE ? UNEXPECTED_ANSWER : verdict;
    }

    private static BackendVerdict of(@Nullable Throwable failure) {
        if (failure == null) {
            return UP;
        }
        if (failure instanceof OasstTransportException) {
            return UNREACHABLE;
        }
        if (failure instanceof OasstError error) {
            return error.status() >= 500 ? SERVER_ERROR : UP;
        }
        return failure instanceof OasstDecodeException ? UNEXPECTED_ANSWER : NONE;
    }

    private static boolean rejectsCredentials(OasstError error) {
        return error.status() == 401 || error.status() == 403;
    }
}
