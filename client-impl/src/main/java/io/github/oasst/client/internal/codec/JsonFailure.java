package io.github.oasst.client.internal.codec;

/** JSON that a {@link JsonMapping} could not write or read, whichever library it uses. */
public final class JsonFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        /** Valid JSON, not of the type or not a valid value of it (or no JSON at all: an empty body). */
        WRONG_SHAPE,
        /** Not valid JSON. */
        NOT_JSON,
        /** More than {@link JsonMapping#MAX_DOCUMENT_LENGTH} bytes. */
        TOO_LARGE,
        /** A value that cannot be written. */
        NOT_WRITABLE
    }

    private final Kind kind;

    /**
     * @param message the library's message, without its location in the source
     * @param cause the library's exception
     */
    public JsonFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
