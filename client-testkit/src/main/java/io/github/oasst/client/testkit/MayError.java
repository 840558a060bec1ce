package io.github.oasst.client.testkit;

import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.List;

/**
 * An answer that ends the handling of a request of the 2023-05 fake, as the backend's {@code
 * OasstError} and FastAPI's exceptions do; the router turns it into its reply.
 */
final class MayError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized
    private final Reply reply;

    MayError(Reply reply) {
        super(reply.status() + " " + reply.body(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }

    /** The backend's error object with this status. */
    static MayError of(int status, OasstErrorCode code, String message) {
        return new MayError(Responses.oasstError(status, code, message));
    }

    /** 400 with the backend's error object, the status of an {@code OasstError} without one. */
    static MayError bad(OasstErrorCode code, String message) {
        return of(400, code, message);
    }

    static MayError notAuthorized() {
        return new MayError(Responses.notAuthorized());
    }

    static MayError forbidden() {
        return of(403, OasstErrorCode.API_CLIENT_NOT_AUTHORIZED, "Forbidden");
    }

    static MayError userNotFound() {
        return of(404, OasstErrorCode.USER_NOT_FOUND, "User not found");
    }

    static MayError messageNotFound() {
        return of(404, OasstErrorCode.MESSAGE_NOT_FOUND, "Message not found");
    }

    /** An unhandled exception of the backend: 500 with its generic body. */
    static MayError serverError() {
        return new MayError(Responses.json(
                500,
                Responses.MAPPER
                        .createObjectNode()
                        .put("message", "INTERNAL_SERVER_ERROR")
                        .put("error_code", OasstErrorCode.GENERIC_ERROR.code())));
    }

    static MayError validation(List<com.fasterxml.jackson.databind.node.ObjectNode> errors) {
        return new MayError(Responses.validation(errors));
    }
}
