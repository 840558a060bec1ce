package io.github.oasst.client.api;

import org.jspecify.annotations.Nullable;

/**
 * The server answered 2xx, but the body could not be decoded: empty, not JSON, JSON of the wrong
 * shape or {@code null}. The server did process the request.
 */
public final class OasstDecodeException extends OasstException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String contentType;
    private final String bodyExcerpt;

    /**
     * @param status the HTTP status
     * @param contentType the response's {@code Content-Type}, null when absent
     * @param problem what was wrong, for example {@code "empty body"}
     * @param method the request's HTTP method
     * @param path the request's path without the query
     * @param bodyExcerpt the start of the body, cut to {@link OasstError#MAX_BODY_EXCERPT} characters
     * @param cause the decoder's exception, null if none
     */
    public OasstDecodeException(
            int status,
            @Nullable String contentType,
            String problem,
            String method,
            String path,
            String bodyExcerpt,
            @Nullable Throwable cause) {
        super(describe(status, contentType, problem, bodyExcerpt), method, path, cause);
        this.status = status;
        this.contentType = contentType;
        this.bodyExcerpt = bodyExcerpt.length() > OasstError.MAX_BODY_EXCERPT
                ? bodyExcerpt.substring(0, OasstError.MAX_BODY_EXCERPT)
                : bodyExcerpt;
    }

    private static String describe(int status, @Nullable String contentType, String problem, String excerpt) {
        StringBuilder text = new StringBuilder()
                .append(status)
                .append(" response could not be decoded: ")
                .append(problem);
        if (contentType != null) {
            text.append(" (Content-Type ").append(contentType).append(')');
        }
        if (!excerpt.isEmpty()) {
            String shown = excerpt.length() > 200 ? excerpt.substring(0, 200) + "…" : excerpt;
            text.append("; body starts: ").append(shown.replaceAll("\\s+", " "));
        }
        return text.toString();
    }

    /** The HTTP status, in 200–299. */
    public int status() {
        return status;
    }

    /** The response's {@code Content-Type}, null when absent. */
    public @Nullable String contentType() {
        return contentType;
    }

    /** The start of the body, at most {@link OasstError#MAX_BODY_EXCERPT} characters. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.DEFINITE;
    }
}
