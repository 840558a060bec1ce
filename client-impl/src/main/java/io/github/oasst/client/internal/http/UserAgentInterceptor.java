package io.github.oasst.client.internal.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.jspecify.annotations.Nullable;

/** Sets {@code User-Agent}: the caller's product token if any, then this client and its version. */
public final class UserAgentInterceptor implements RequestInterceptor {
    private final String userAgent;

    public UserAgentInterceptor(@Nullable String product) {
        this.userAgent = value(product);
    }

    /** {@code oasst-java-client/<version> (Java <n>)}, after the product token when there is one. */
    public static String value(@Nullable String product) {
        String client = "oasst-java-client/" + Version.VERSION + " (Java "
                + Runtime.version().feature() + ")";
        return product == null ? client : HeaderValues.check(product, "user agent") + " " + client;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.headerLiteral("User-Agent", userAgent);
    }

    @Override
    public String toString() {
        return "UserAgentInterceptor[" + userAgent + "]";
    }
}
