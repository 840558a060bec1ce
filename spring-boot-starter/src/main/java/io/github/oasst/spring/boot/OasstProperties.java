package io.github.oasst.spring.boot;

import feign.Logger;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.retry.InteractionKind;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OASST client's settings, {@code oasst.*}. Only the base URL and the API key are needed; every
 * other default is the client's own.
 */
@ConfigurationProperties("oasst")
public class OasstProperties {
    /**
     * The OASST backend's base URL, for example https://backend.example.org (from the environment:
     * OASST_BASE_URL). Without it and the API key no client is configured; one without the other
     * stops the start.
     */
    private @Nullable String baseUrl;

    /**
     * The API key the backend gave this frontend, sent as X-API-Key (from the environment:
     * OASST_API_KEY). Never logged, never shown by the actuator's configprops or env endpoints.
     */
    private @Nullable String apiKey;

    /** How long to wait for a connection. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** How long to wait for each read of an answer. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** How long one attempt may take in all; 0 for no limit. */
    private Duration callTimeout = Duration.ofSeconds(60);

    /** Feign's wire log, at DEBUG on io.github.oasst.client.http; the API key is never logged. */
    private Logger.Level logLevel = Logger.Level.NONE;

    /** A product token put before the client's own User-Agent, for example my-bot/1.2. */
    private @Nullable String userAgent;

    /**
     * The backend's version ({@code v2023-01} or {@code v2023-05}), when known beforehand; unset, the
     * client learns it once from the backend.
     */
    private @Nullable OasstServerVersion serverVersion;

    /** The JSON library of the client's codec. */
    private Json json = Json.AUTO;

    /**
     * Whether the client's own OkHttp client runs its asynchronous calls on virtual threads (Java 21
     * and later; no effect on Java 17). Unset: as spring.threads.virtual.enabled.
     */
    private @Nullable Boolean virtualThreads;

    /** Retries. */
    private final Retry retry = new Retry();

    /** The {@code oasst} health indicator's probe. */
    private final Health health = new Health();

    /** The JSON library of the client's codec. */
    public enum Json {
        /** Jackson 3 when it is on the class path (Spring Boot 4's default), else Jackson 2. */
        AUTO,
        /** Jackson 2. */
        JACKSON2,
        /** Jackson 3. */
        JACKSON3
    }

    /**
     * The {@code oasst} health indicator's probe: a cheap read that checks the key ({@code GET
     * /api/v1/messages/?max_count=1}), sent when health is asked for and the last probe is older
     * than the interval, with one attempt.
     */
    public static class Health {
        /** How long a probe's result stands: at most one probe per interval. */
        private Duration interval = Duration.ofSeconds(30);

        /** The longest a probe may take (its connect, read and call timeouts). */
        private Duration timeout = Duration.ofSeconds(5);

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Retries: the client's RetryPolicy. */
    public static class Retry {
        /** Whether failed calls are retried. */
        private boolean enabled = true;

        /** Attempts per call, the first included. */
        private int maxAttempts = 3;

        /** The wait before the first retry. */
        private Duration initialBackoff = Duration.ofMillis(200);

        /** What each further wait is multiplied by. */
        private double multiplier = 2.0;

        /** The longest wait. */
        private Duration maxBackoff = Duration.ofSeconds(5);

        /** How far each wait is drawn from its value, as a share of it (0 to 1). */
        private double jitter = 0.5;

        /** No attempt starts later than this after the first. */
        private Duration deadline = Duration.ofSeconds(30);

        /**
         * The kinds of interaction sent again after an ambiguous failure (their answer lost), whatever
         * the server's version. Unset (the default): those a server of its version refuses to store
         * twice, answering 2105 (text-reply, ranking and labels on a 2023-05 server; none on a 2023-01
         * server).
         */
        private @Nullable Set<InteractionKind> ambiguousInteractions;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public double getJitter() {
            return jitter;
        }

        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        public Duration getDeadline() {
            return deadline;
        }

        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }

        public @Nullable Set<InteractionKind> getAmbiguousInteractions() {
            return ambiguousInteractions;
        }

        public void setAmbiguousInteractions(@Nullable Set<InteractionKind> ambiguousInteractions) {
            this.ambiguousInteractions = ambiguousInteractions;
        }
    }

    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Logger.Level getLogLevel() {
        return logLevel;
    }

    public void setLogLevel(Logger.Level logLevel) {
        this.logLevel = logLevel;
    }

    public @Nullable OasstServerVersion getServerVersion() {
        return serverVersion;
    }

    public void setServerVersion(@Nullable OasstServerVersion serverVersion) {
        this.serverVersion = serverVersion;
    }

    public @Nullable String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(@Nullable String userAgent) {
        this.userAgent = userAgent;
    }

    public Json getJson() {
        return json;
    }

    public void setJson(Json json) {
        this.json = json;
    }

    public @Nullable Boolean getVirtualThreads() {
        return virtualThreads;
    }

    public void setVirtualThreads(@Nullable Boolean virtualThreads) {
        this.virtualThreads = virtualThreads;
    }

    public Retry getRetry() {
        return retry;
    }

    public Health getHealth() {
        return health;
    }

    /** The settings without the API key: {@code <redacted>} in its place. */
    @Override
    public String toString() {
        return "OasstProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? null : "<redacted>")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout="
                + callTimeout + ", logLevel=" + logLevel + ", userAgent=" + userAgent + ", json=" + json + "]";
    }
}
