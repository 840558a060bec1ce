package io.github.oasst.client.api;

import java.util.Optional;

/**
 * The error codes of the OASST backend ({@code OasstErrorCode} of {@code oasst_shared}), of both
 * published versions: the 2023-01 backend's and the 2023-05 backend's. Ranges: 0–999 general,
 * 1000–1999 the tasks endpoint, 2000–2999 the repositories, 3000–3999 external resources,
 * 4000–4999 users, 5000 emojis, 6000 cached statistics.
 *
 * <p>Two numbers carry two names in the 2023-05 source ({@link #TEXT_LABELS_NO_SELF_LABELING} and
 * {@link #TEXT_LABELS_DUPLICATE_TASK_REPLY} are 2053, {@link #TASK_NOT_COLLECTIVE} and {@link
 * #TASK_NOT_ASSIGNED_TO_USER} 2106), and two changed between the versions: 3 was {@link
 * #SERVER_ERROR} and is {@link #ROOT_TOKEN_NOT_AUTHORIZED}, and {@code USER_NOT_SPECIFIED} moved
 * from 2005 ({@link #USER_NOT_SPECIFIED_2023_01}) to 4000 ({@link #USER_NOT_SPECIFIED}). {@link
 * #fromCode(int)} gives the name listed first here (the 2023-05 server's first); an error's message
 * shows every name of its number; {@link OasstError#hasErrorCode} compares numbers, so either name
 * of a number matches.
 *
 * <p>A code not listed here is still reported: {@link OasstError#errorCode()} holds it and {@link
 * OasstError#knownErrorCode()} is empty.
 */
public enum OasstErrorCode {
    GENERIC_ERROR(0),
    DATABASE_URI_NOT_SET(1),
    API_CLIENT_NOT_AUTHORIZED(2),
    /** 3 on a 2023-05 server. */
    ROOT_TOKEN_NOT_AUTHORIZED(3),
    /** 3 on a 2023-01 server: an unhandled server error. */
    SERVER_ERROR(3),
    DATABASE_MAX_RETRIES_EXHAUSTED(4),
    SORT_KEY_UNSUPPORTED(100),
    INVALID_CURSOR_VALUE(101),
    TOO_MANY_REQUESTS(429),
    SERVER_ERROR0(500),
    SERVER_ERROR1(501),
    INVALID_AUTHENTICATION(600),

    TASK_INVALID_REQUEST_TYPE(1000),
    TASK_ACK_FAILED(1001),
    TASK_NACK_FAILED(1002),
    TASK_INVALID_RESPONSE_TYPE(1003),
    TASK_INTERACTION_REQUEST_FAILED(1004),
    TASK_GENERATION_FAILED(1005),
    /** No task of the requested type can be served now (a 2023-05 server answers 503). */
    TASK_REQUESTED_TYPE_NOT_AVAILABLE(1006),
    TASK_AVAILABILITY_QUERY_FAILED(1007),
    /** A text longer than the server takes (2000 characters on a 2023-05 server). */
    TASK_MESSAGE_TOO_LONG(1008),
    /** The user posted the exact same text within the last 120 minutes (a 2023-05 server). */
    TASK_MESSAGE_DUPLICATED(1009),
    TASK_MESSAGE_TEXT_EMPTY(1010),
    TASK_MESSAGE_DUPLICATE_REPLY(1011),
    /** The user holds too many tasks not done (8 within 5 minutes on a 2023-05 server): nack some. */
    TASK_TOO_MANY_PENDING(1012),

    INVALID_FRONTEND_MESSAGE_ID(2000),
    MESSAGE_NOT_FOUND(2001),
    RATING_OUT_OF_RANGE(2002),
    INVALID_RANKING_VALUE(2003),
    INVALID_TASK_TYPE(2004),
    /** {@code USER_NOT_SPECIFIED} of a 2023-01 server; a 2023-05 server uses {@link #USER_NOT_SPECIFIED} (4000). */
    USER_NOT_SPECIFIED_2023_01(2005),
    NO_MESSAGE_TREE_FOUND(2006),
    NO_REPLIES_FOUND(2007),
    INVALID_MESSAGE(2008),
    BROKEN_CONVERSATION(2009),
    TREE_IN_ABORTED_STATE(2010),
    CORRUPT_RANKING_RESULT(2011),
    AUTH_AND_USERNAME_REQUIRED(2012),
    TEXT_LABELS_WRONG_MESSAGE_ID(2050),
    TEXT_LABELS_INVALID_LABEL(2051),
    TEXT_LABELS_MANDATORY_LABEL_MISSING(2052),
    TEXT_LABELS_NO_SELF_LABELING(2053),
    /** The same number as {@link #TEXT_LABELS_NO_SELF_LABELING}: a second label task on a message by one user. */
    TEXT_LABELS_DUPLICATE_TASK_REPLY(2053),

    TASK_NOT_FOUND(2100),
    TASK_EXPIRED(2101),
    TASK_PAYLOAD_TYPE_MISMATCH(2102),
    TASK_ALREADY_UPDATED(2103),
    TASK_NOT_ACK(2104),
    TASK_ALREADY_DONE(2105),
    TASK_NOT_COLLECTIVE(2106),
    /** The same number as {@link #TASK_NOT_COLLECTIVE}: a 2023-05 server's answer to another user's task. */
    TASK_NOT_ASSIGNED_TO_USER(2106),
    TASK_UNEXPECTED_PAYLOAD_TYPE(2107),

    HUGGINGFACE_API_ERROR(3001),

    USER_NOT_SPECIFIED(4000),
    USER_DISABLED(4001),
    USER_NOT_FOUND(4002),
    USER_HAS_NOT_ACCEPTED_TOS(4003),

    EMOJI_OP_UNSUPPORTED(5000),

    CACHED_STATS_NOT_AVAILABLE(6000);

    private final int code;

    OasstErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code on the wire ({@code error_code}). */
    public int code() {
        return code;
    }

    /** The code with this number, if the client knows it: the first of its names listed here. */
    public static Optional<OasstErrorCode> fromCode(int code) {
        for (OasstErrorCode value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Every name of the number, joined by {@code /}, or {@code error_code <n>} when none is known. */
    static String names(int code) {
        StringBuilder names = new StringBuilder();
        for (OasstErrorCode value : values()) {
            if (value.code == code) {
                names.append(names.length() == 0 ? "" : "/").append(value.name());
            }
        }
        return names.length() == 0 ? "error_code " + code : names.toString();
    }
}
