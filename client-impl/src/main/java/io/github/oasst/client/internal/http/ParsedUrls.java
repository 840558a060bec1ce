package io.github.oasst.client.internal.http;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The URLs a {@link OkHttpFeignClient} sends to, each parsed once by {@link HttpUrl#get(String)}:
 * most requests go to a few fixed URLs (every task request to one, a task's ack and nack to its own),
 * so that OkHttp's full parse (its IDNA host mapping among it) runs rarely. An entry is found only by
 * the very string it was parsed from, so the result is always {@code HttpUrl.get}'s for that string.
 * Thread-safe: entries are published whole, and a lost update only costs a parse.
 */
final class ParsedUrls {
    private static final int RECENT_URLS = 16;

    /** The last URLs parsed, by their hash. */
    private final @Nullable Parsed[] recentUrls = new Parsed[RECENT_URLS];

    /** The last target URL parsed: the origin requests must go to. */
    private volatile @Nullable Parsed lastTarget;

    /**
     * The URL, as {@link HttpUrl#get(String)} parses it.
     *
     * @throws IllegalArgumentException when it is not a well-formed http or https URL
     */
    HttpUrl get(String url) {
        int slot = url.hashCode() & (RECENT_URLS - 1);
        Parsed recent = recentUrls[slot];
        if (recent != null && recent.url.equals(url)) {
            return recent.parsed;
        }
        HttpUrl parsed = HttpUrl.get(url);
        recentUrls[slot] = new Parsed(url, parsed);
        return parsed;
    }

    /**
     * A Feign target's URL, as {@link HttpUrl#get(String)} parses it (a client sends to one target,
     * or a few).
     */
    HttpUrl target(String url) {
        Parsed last = lastTarget;
        if (last != null && last.url.equals(url)) {
            return last.parsed;
        }
        HttpUrl parsed = HttpUrl.get(url);
        lastTarget = new Parsed(url, parsed);
        return parsed;
    }

    /** A URL string and what it parses to; published whole, so a reader sees both or neither. */
    private record Parsed(String url, HttpUrl parsed) {}
}
