package io.github.oasst.client.api;

/** What a failed call tells about the request's effect on the server, and so whether a retry is safe. */
public enum FailureClass {
    /**
     * The server did not process the request: the connection was refused or not established, or
     * the server answered 429 or 503. Retrying is safe for every operation.
     */
    NOT_PROCESSED,
    /**
     * The server may or may not have processed the request: a read timeout, a connection reset or
     * closed after the request was sent, a truncated response, or 500, 502, 504. A retry may repeat
     * the request's effect.
     */
    AMBIGUOUS,
    /**
     * The outcome is known and a retry would not change it: any other 4xx or 5xx, an OASST error
     * code of 1000 or above whatever the status, an undecodable or unexpected 2xx answer.
     */
    DEFINITE
}
