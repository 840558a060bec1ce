package io.github.oasst.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.jspecify.annotations.Nullable;

/** Sets {@code User-Agent}: the caller's product token if any, then this client and its version. */
final class UserAgentInterceptor implements RequestInterceptor {
    private final String userAgent;

    UserAgentInterceptor(@Nullable String product) {
        String client = "oasst-java-client/" + Version.VERSION + " (Java "
                + Runtime.version().feature() + ")";
        this.userAgent = product == null ? client : HeaderValues.check(product, "user agent") + " " + client;
    }

    String value() {
        return userAgent;
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
