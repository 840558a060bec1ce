package io.github.oasst.client.internal.http;

import feign.Request;
import feign.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's request and response log, at SLF4J DEBUG on the logger {@value #NAME}. The {@code
 * X-API-Key} header is never logged, at any Feign level, FULL included; when DEBUG is off nothing is
 * formatted or buffered.
 */
public final class RedactingLogger extends feign.Logger {
    public static final String NAME = "io.github.oasst.client.http";

    private final Logger log;

    public RedactingLogger() {
        this(LoggerFactory.getLogger(NAME));
    }

    public RedactingLogger(Logger log) {
        this.log = log;
    }

    @Override
    protected boolean shouldLogRequestHeader(String header) {
        return !ApiKeyInterceptor.HEADER.equalsIgnoreCase(header);
    }

    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
        if (log.isDebugEnabled()) {
            super.logRequest(configKey, logLevel, request);
        }
    }

    @Override
    protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime)
            throws IOException {
        if (log.isDebugEnabled()) {
            return super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime);
        }
        return response;
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (log.isDebugEnabled()) {
            log.debug(String.format(methodTag(configKey) + format, args));
        }
    }
}
