package io.github.oasst.client.api;

import java.util.Optional;

/**
 * The error codes the OASST backend defines ({@code OasstErrorCode} of {@code oasst_shared}). Ranges:
 * 0–999 general, 1000–1999 the tasks endpoint, 2000–2999 the repositories, 3000–3999 external
 * resources, 4000–4999 users.
 *
 * <p>A code not listed here is still reported: {@link OasstError#errorCode()} holds it and {@link
 * OasstError#knownErrorCode()} is empty.
 */
public enum OasstErrorCode {
    GENERIC_ERROR(0),
    DATABASE_URI_NOT_SET(1),
    API_CLIENT_NOT_AUTHORIZED(2),
    ROOT_TOKEN_NOT_AUTHORIZED(3),
    DATABASE_MAX_RETRIES_EXHAUSTED(4),
    SORT_KEY_UNSUPPORTED(100),
    TOO_MANY_REQUESTS(429),
    SERVER_ERROR0(500),
    SERVER_ERROR1(501),

    TASK_INVALID_REQUEST_TYPE(1000),
    TASK_ACK_FAILED(1001),
    TASK_NACK_FAILED(1002),
    TASK_INVALID_RESPONSE_TYPE(1003),
    TASK_INTERACTION_REQUEST_FAILED(1004),
    TASK_GENERATION_FAILED(1005),
    TASK_REQUESTED_TYPE_NOT_AVAILABLE(1006),
    TASK_AVAILABILITY_QUERY_FAILED(1007),

    INVALID_FRONTEND_MESSAGE_ID(2000),
    MESSAGE_NOT_FOUND(2001),
    RATING_OUT_OF_RANGE(2002),
    INVALID_RANKING_VALUE(2003),
    INVALID_TASK_TYPE(2004),
    NO_MESSAGE_TREE_FOUND(2006),
    NO_REPLIES_FOUND(2007),
    INVALID_MESSAGE(2008),
    BROKEN_CONVERSATION(2009),
    TREE_NOT_IN_GROWING_STATE(2010),
    CORRUPT_RANKING_RESULT(2011),
    AUTH_AND_USERNAME_REQUIRED(2012),
    TEXT_LABELS_WRONG_MESSAGE_ID(2050),
    TEXT_LABELS_INVALID_LABEL(2051),
    TEXT_LABELS_MANDATORY_LABEL_MISSING(2052),

    TASK_NOT_FOUND(2100),
    TASK_EXPIRED(2101),
    TASK_PAYLOAD_TYPE_MISMATCH(2102),
    TASK_ALREADY_UPDATED(2103),
    TASK_NOT_ACK(2104),
    TASK_ALREADY_DONE(2105),
    /** Also the server's {@code TASK_NOT_ASSIGNED_TO_USER}, an alias with the same value. */
    TASK_NOT_COLLECTIVE(2106),
    TASK_UNEXPECTED_PAYLOAD_TYPE(2107),

    HUGGINGFACE_API_ERROR(3001),

    USER_NOT_SPECIFIED(4000),
    USER_DISABLED(4001),
    USER_NOT_FOUND(4002);

    private final int code;

    OasstErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code on the wire ({@code error_code}). */
    public int code() {
        return code;
    }

    /** The code with this number, if the client knows it. */
    public static Optional<OasstErrorCode> fromCode(int code) {
        for (OasstErrorCode value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
