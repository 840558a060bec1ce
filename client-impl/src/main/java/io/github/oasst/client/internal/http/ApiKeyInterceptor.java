package io.github.oasst.client.internal.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code X-API-Key} to every request for its Feign target's origin (scheme, host and port), as
 * a literal (never expanded as a Feign template). A request Feign would send elsewhere (an absolute
 * URL of another host, a path that reads as another authority) or for a target without a URL gets
 * no key, and a warning is logged.
 */
public final class ApiKeyInterceptor implements RequestInterceptor {
    public static final String HEADER = "X-API-Key";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyInterceptor.class);

    private final String apiKey;

    /** @throws IllegalArgumentException if the key could not go into a header (the message never shows it) */
    public ApiKeyInterceptor(String apiKey) {
        this.apiKey = HeaderValues.check(apiKey, "API key");
    }

    @Override
    public void apply(RequestTemplate template) {
        String target = Origins.targetUrl(template.feignTarget());
        if (target == null || !Origins.staysOnTarget(target, template.path())) {
            LOG.warn(
                    "{} {}: not adding {}, the request is not for its target's origin ({})",
                    template.method(),
                    template.methodMetadata() == null
                            ? "?"
                            : template.methodMetadata().configKey(),
                    HEADER,
                    target == null ? "the target has no URL" : describe(target));
            return;
        }
        template.headerLiteral(HEADER, apiKey);
    }

    private static String describe(String target) {
        okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(target);
        return url == null ? "not a URL" : Origins.describe(url);
    }

    @Override
    public String toString() {
        return "ApiKeyInterceptor[" + HEADER + "=<redacted>]";
    }
}
