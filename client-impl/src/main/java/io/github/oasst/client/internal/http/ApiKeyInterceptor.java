package io.github.oasst.client.internal.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Adds {@code X-API-Key} to every request, as a literal (never expanded as a Feign template). */
public final class ApiKeyInterceptor implements RequestInterceptor {
    public static final String HEADER = "X-API-Key";

    private final String apiKey;

    /** @throws IllegalArgumentException if the key could not go into a header (the message never shows it) */
    public ApiKeyInterceptor(String apiKey) {
        this.apiKey = HeaderValues.check(apiKey, "API key");
    }

    @Override
    public void apply(RequestTemplate template) {
        template.headerLiteral(HEADER, apiKey);
    }

    @Override
    public String toString() {
        return "ApiKeyInterceptor[" + HEADER + "=<redacted>]";
    }
}
