package io.github.oasst.client.internal.http;

import feign.Target;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The origin a request may go to: its Feign target's scheme, host and port. The API key is bound to
 * it ({@link ApiKeyInterceptor}), and the transport sends nothing elsewhere ({@link
 * OkHttpFeignClient}).
 */
final class Origins {
    private Origins() {}

    /** The target's URL, or null when it has none (Feign's {@code EmptyTarget}) or is not absolute. */
    static @Nullable String targetUrl(@Nullable Target<?> target) {
        if (target == null) {
            return null;
        }
        String url;
        try {
            url = target.url();
        } catch (UnsupportedOperationException noUrl) {
            return null;
        }
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
    }

    /**
     * Whether the URL Feign makes of the target's and the template's ({@code path}: absolute, or
     * appended to the target's) is on the target's origin, as OkHttp parses them.
     */
    static boolean staysOnTarget(String targetUrl, String path) {
        if (!path.startsWith("http")) {
            if (endOfAuthority(targetUrl) < targetUrl.length()) {
                return true; // the target has a path: whatever follows cannot reach its authority
            }
            if (path.isEmpty() || isAuthorityEnd(path.charAt(0))) {
                return true; // the authority ends where the path starts
            }
            path = targetUrl + path;
        }
        HttpUrl target = HttpUrl.parse(targetUrl);
        HttpUrl url = HttpUrl.parse(path);
        return target != null && url != null && same(target, url);
    }

    static boolean same(HttpUrl a, HttpUrl b) {
        return a.port() == b.port() && a.host().equals(b.host()) && a.scheme().equals(b.scheme());
    }

    /** {@code scheme://host:port}, for messages: never a path or query. */
    static String describe(HttpUrl url) {
        String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + ":" + url.port();
    }

    /** Where the authority of an absolute http(s) URL ends, as OkHttp parses it. */
    private static int endOfAuthority(String url) {
        int start = url.indexOf("://") + 3;
        for (int i = start; i < url.length(); i++) {
            if (isAuthorityEnd(url.charAt(i))) {
                return i;
            }
        }
        return url.length();
    }

    private static boolean isAuthorityEnd(char c) {
        return c == '/' || c == '\\' || c == '?' || c == '#';
    }
}
