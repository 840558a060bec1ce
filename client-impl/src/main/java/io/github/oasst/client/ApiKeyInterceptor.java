package io.github.oasst.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Adds {@code X-API-Key} to every request, as a literal (never expanded as a Feign template). */
final class ApiKeyInterceptor implements RequestInterceptor {
    static final String HEADER = "X-API-Key";

    private final String apiKey;

    ApiKeyInterceptor(String apiKey) {
        this.apiKey = HeaderValues.check(apiKey, "API key");
    }

    /** The key, for the client's direct calls; never to be logged. */
    String value() {
        return apiKey;
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
