package io.github.oasst.client.internal.http;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The URLs a {@link OkHttpFeignClient} sends to, parsed once: most requests go to a few fixed URLs
 * (a task's ack and nack to its own, sent once or twice), and the others share the origin of the
 * last one, so that OkHttp's full parse (its IDNA host mapping among it) runs rarely. Thread-safe:
 * entries are published whole, and a lost update only costs a parse.
 */
final class ParsedUrls {
    private static final int RECENT_URLS = 16;

    private volatile @Nullable Origin lastOrigin;
    /**
     * The last URLs parsed, by their hash: most requests go to a few fixed URLs (a task's ack and
     * nack to its own, sent once or twice).
     */
    private final @Nullable Recent[] recentUrls = new Recent[RECENT_URLS];

    /**
     * The URL: one of the last ones sent again, as it was parsed; else resolved against the last
     * origin when it has the same one; else parsed.
     */
    HttpUrl get(String url) {
        int slot = url.hashCode() & (RECENT_URLS - 1);
        Recent recent = recentUrls[slot];
        if (recent != null && recent.url.equals(url)) {
            return recent.parsed;
        }
        HttpUrl parsed = parse(url);
        recentUrls[slot] = new Recent(url, parsed);
        return parsed;
    }

    private HttpUrl parse(String url) {
        Origin origin = lastOrigin;
        if (origin != null && origin.isOriginOf(url)) {
            HttpUrl resolved = origin.url.resolve(url.substring(origin.prefix.length()));
            if (resolved != null) {
                return resolved;
            }
        }
        HttpUrl parsed = HttpUrl.get(url);
        int path = Origin.pathStart(url);
        if (path > 0) {
            lastOrigin = new Origin(
                    url.substring(0, path),
                    parsed.newBuilder()
                            .encodedPath("/")
                            .query(null)
                            .fragment(null)
                            .build());
        }
        return parsed;
    }

    /** The scheme and authority of a URL as written ({@code prefix}), and parsed with the path "/". */
    private record Origin(String prefix, HttpUrl url) {
        boolean isOriginOf(String url) {
            return url.startsWith(prefix) && url.length() > prefix.length() && url.charAt(prefix.length()) == '/';
        }

        /** Where the path of an absolute URL starts, or -1 when it has none. */
        static int pathStart(String url) {
            int scheme = url.indexOf("://");
            if (scheme < 0) {
                return -1;
            }
            for (int i = scheme + 3; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == '/') {
                    return i;
                }
                if (c == '?' || c == '#' || c == '\\') {
                    return -1;
                }
            }
            return -1;
        }
    }

    /** A URL string and what it parses to; published whole, so a reader sees both or neither. */
    private record Recent(String url, HttpUrl parsed) {}
}
