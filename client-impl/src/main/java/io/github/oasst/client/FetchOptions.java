package io.github.oasst.client;

import org.jspecify.annotations.Nullable;

/**
 * Options of a task request beyond its type and user.
 *
 * @param collective whether to ask for a collective task, closed with {@link
 *     OasstClient#closeTask(String)}
 * @param lang the user's language (for example {@code "en"}), sent only when not null; servers from
 *     2023-02 on use it, 2023-01 servers ignore it
 */
public record FetchOptions(boolean collective, @Nullable String lang) {
    /** Not collective, no language. */
    public static final FetchOptions DEFAULT = new FetchOptions(false, null);

    public FetchOptions {
        if (lang != null && lang.isBlank()) {
            throw new IllegalArgumentException("lang must not be blank");
        }
    }

    public FetchOptions withCollective(boolean collective) {
        return new FetchOptions(collective, lang);
    }

    public FetchOptions withLang(@Nullable String lang) {
        return new FetchOptions(collective, lang);
    }
}
