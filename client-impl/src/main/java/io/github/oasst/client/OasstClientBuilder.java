package io.github.oasst.client;

import feign.Logger;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.internal.http.HeaderValues;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link OasstClient}: {@code OasstClient.builder()}. Checks each value when it is set,
 * and in {@link #build()} that the base URL and the API key are there. {@code toString()} never
 * shows the key.
 */
public final class OasstClientBuilder {
    /** {@link #maxAsyncRequests(int)} on virtual threads unless set: 1,024, a burst of 1,000 in flight. */
    public static final int DEFAULT_MAX_REQUESTS_ON_VIRTUAL_THREADS = 1024;

    @Nullable
    String baseUrl;

    @Nullable
    String apiKey;

    okhttp3.@Nullable OkHttpClient okHttpClient;

    /** Null until set: on where the JVM has virtual threads. */
    @Nullable
    Boolean virtualThreads;

    /** Null until set: by {@link #virtualThreads}, 1,024 or 64. */
    @Nullable
    Integer maxAsyncRequests;

    @Nullable
    Duration connectTimeout;

    @Nullable
    Duration readTimeout;

    @Nullable
    Duration callTimeout;

    Logger.Level logLevel = Logger.Level.NONE;

    /** Null until set: {@link OasstJson#jackson2()}, made only when needed. */
    @Nullable
    OasstJson json;

    @Nullable
    String userAgent;

    RetryPolicy retryPolicy = RetryPolicy.defaults();

    @Nullable
    CircuitBreaker circuitBreaker;

    @Nullable
    RetryRegistry retryRegistry;

    @Nullable
    ScheduledExecutorService scheduler;

    LongSupplier nanoClock = System::nanoTime;

    @Nullable
    OasstServerVersion serverVersion;

    final List<OasstCallListener> listeners = new ArrayList<>();

    OasstClientBuilder() {}

    /**
     * The backend's base URL, {@code http} or {@code https}, for example {@code
     * https://backend.example.org} or one with a path prefix; no credentials, query or fragment. A
     * plain {@code http} URL to a host other than loopback logs a warning when the client is built:
     * the API key would travel unencrypted.
     */
    public OasstClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = BaseUrls.normalize(Objects.requireNonNull(baseUrl, "baseUrl must not be null"));
        return this;
    }

    /** The API key sent as {@code X-API-Key}: not blank, printable ASCII, no control characters. */
    public OasstClientBuilder apiKey(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey must not be null");
        this.apiKey = HeaderValues.check(apiKey, "API key");
        return this;
    }

    /**
     * Takes the base URL from {@value OasstClient#ENV_BACKEND_URL} and the API key from {@value
     * OasstClient#ENV_API_KEY}, each only when set and not blank.
     */
    public OasstClientBuilder fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    OasstClientBuilder fromEnvironment(Map<String, String> environment) {
        String url = environment.get(OasstClient.ENV_BACKEND_URL);
        if (url != null && !url.isBlank()) {
            baseUrl(url);
        }
        String key = environment.get(OasstClient.ENV_API_KEY);
        if (key != null && !key.isBlank()) {
            apiKey(key);
        }
        return this;
    }

    /**
     * The OkHttp client to send with, like the reference client's session. The client uses a copy
     * sharing its connection pool and dispatcher (whose limits then bound the asynchronous calls),
     * with redirects and OkHttp's silent retries off, and does not close it. Without one the client
     * creates and owns its own.
     */
    public OasstClientBuilder okHttpClient(okhttp3.OkHttpClient okHttpClient) {
        this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient must not be null");
        return this;
    }

    /**
     * Whether the client's own OkHttp client runs each asynchronous call in flight on a virtual
     * thread of its own (a virtual thread blocked on a socket holds no platform thread). Default on
     * where the JVM has them (Java 21 and later); on Java 17 to 20 no effect: the calls run on at
     * most 64 daemon threads of the client's own. No effect with {@link #okHttpClient}, used as it is.
     * Blocking calls run on the caller's thread either way. {@link OasstClient#close()} ends the threads.
     */
    public OasstClientBuilder virtualThreads(boolean virtualThreads) {
        this.virtualThreads = virtualThreads;
        return this;
    }

    /**
     * How many asynchronous calls the client's own OkHttp client runs at once, in all and to the
     * backend (OkHttp's {@code maxRequests} and {@code maxRequestsPerHost}); more wait in its queue.
     * Default {@link #DEFAULT_MAX_REQUESTS_ON_VIRTUAL_THREADS 1,024} on virtual threads, else {@link
     * OasstClient#DEFAULT_MAX_REQUESTS 64}. With {@link #okHttpClient}, {@link #build()} refuses it.
     *
     * @throws IllegalArgumentException when not positive
     */
    public OasstClientBuilder maxAsyncRequests(int maxAsyncRequests) {
        if (maxAsyncRequests < 1) {
            throw new IllegalArgumentException("maxAsyncRequests must be positive, got " + maxAsyncRequests);
        }
        this.maxAsyncRequests = maxAsyncRequests;
        return this;
    }

    /** Time to establish a connection. Default {@link OasstClient#DEFAULT_CONNECT_TIMEOUT 10 s}. */
    public OasstClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /** Longest silence while reading the response. Default {@link OasstClient#DEFAULT_READ_TIMEOUT 30 s}. */
    public OasstClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /**
     * Longest time of one attempt. Default {@link OasstClient#DEFAULT_CALL_TIMEOUT 60 s}; {@link
     * Duration#ZERO} turns it off, leaving each attempt bounded by the connect and read timeouts only.
     */
    public OasstClientBuilder callTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "callTimeout must not be null");
        this.callTimeout = timeout.isZero() ? timeout : positive(timeout, "callTimeout");
        return this;
    }

    /**
     * Feign's log level; lines go to SLF4J DEBUG on {@code io.github.oasst.client.http}, never with
     * the API key. It changes what is logged, never how requests are sent. Default {@code NONE}.
     */
    public OasstClientBuilder logLevel(Logger.Level logLevel) {
        this.logLevel = Objects.requireNonNull(logLevel, "logLevel must not be null");
        return this;
    }

    /**
     * A product token put before the client's own in {@code User-Agent}, for example {@code
     * my-bot/1.2}: printable ASCII, no control characters.
     */
    public OasstClientBuilder userAgent(String product) {
        Objects.requireNonNull(product, "userAgent must not be null");
        this.userAgent = HeaderValues.check(product, "user agent");
        return this;
    }

    /** The retry policy. Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#disabled()} turns retries off. */
    public OasstClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
        return this;
    }

    /**
     * A circuit breaker each attempt goes through. It records what its configuration says; {@link
     * OasstResilience4j#circuitBreaker(String)} makes one that counts only failures of the backend,
     * so that 4xx answers never open it. When open, calls fail at once, not sent, with an {@code
     * OasstTransportException} of kind {@code CIRCUIT_OPEN} (its cause Resilience4j's {@code
     * CallNotPermittedException}). Default none.
     */
    public OasstClientBuilder circuitBreaker(CircuitBreaker circuitBreaker) {
        this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker must not be null");
        return this;
    }

    /**
     * The registry to create the operations' Retry instances in ({@code oasst-fetch-task}, {@code
     * oasst-ack-task}, …), for metrics. Default a registry of the client's own.
     */
    public OasstClientBuilder retryRegistry(RetryRegistry retryRegistry) {
        this.retryRegistry = Objects.requireNonNull(retryRegistry, "retryRegistry must not be null");
        return this;
    }

    /**
     * What times the waits between attempts, of blocking and asynchronous calls: it only hands each
     * wait's end on (to the blocking call's thread, or to the common pool where an asynchronous call's
     * next attempt starts). Not shut down by the client. Default one daemon thread of the client's
     * own, started at the first wait.
     */
    public OasstClientBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
        return this;
    }

    /**
     * The JSON library to encode and decode with. Default {@link OasstJson#jackson2()}; {@link
     * OasstJson#jackson3()} for an application on Jackson 3.
     */
    public OasstClientBuilder json(OasstJson json) {
        this.json = Objects.requireNonNull(json, "json must not be null");
        return this;
    }

    /**
     * Tells the listener of every call's end (its operation, outcome, attempts, duration and
     * failure), and, when it observes calls from their start ({@link OasstCallListener#callStarted}),
     * of their start too, with headers for their requests: for metrics, tracing, a health check.
     * Listeners are told in the order they were added.
     */
    public OasstClientBuilder listener(OasstCallListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
        return this;
    }

    /**
     * The backend's version, when known beforehand; by default the client learns it once, when an
     * interaction (whose retry rules depend on it) or {@link OasstClient#serverVersion()} needs it.
     */
    public OasstClientBuilder serverVersion(OasstServerVersion serverVersion) {
        this.serverVersion = Objects.requireNonNull(serverVersion, "serverVersion must not be null");
        return this;
    }

    /** The clock of the retry deadline, for tests. */
    OasstClientBuilder nanoClock(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if the base URL or the API key is missing, or {@link
     *     #maxAsyncRequests(int)} is set with {@link #okHttpClient}
     */
    public OasstClient build() {
        String url = baseUrl;
        String key = apiKey;
        if (url == null) {
            throw new IllegalStateException("the base URL is missing: call baseUrl(...), or set "
                    + OasstClient.ENV_BACKEND_URL + " and call fromEnvironment()");
        }
        if (key == null) {
            throw new IllegalStateException("the API key is missing: call apiKey(...), or set "
                    + OasstClient.ENV_API_KEY + " and call fromEnvironment()");
        }
        HttpClients.check(this);
        BaseUrls.warnIfPlainHttp(url);
        return new OasstClient(this, url, key);
    }

    /**
     * The OkHttp client to send with: the caller's (a copy sharing its pool and dispatcher, whose
     * limits then apply) or one of the client's own, with the timeouts set here, hardened.
     */
    okhttp3.OkHttpClient httpClient() {
        return HttpClients.of(this);
    }

    @Override
    public String toString() {
        return "OasstClientBuilder[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "<redacted>")
                + ", retryPolicy=" + retryPolicy + "]";
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, () -> name + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
        return duration;
    }
}
