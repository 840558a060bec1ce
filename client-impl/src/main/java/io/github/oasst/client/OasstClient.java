package io.github.oasst.client;

import feign.Feign;
import feign.Logger;
import feign.Retryer;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.feign.Resilience4jFeign;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The OASST tasks client: typed task methods, blocking and asynchronous, with retries that never
 * duplicate work.
 *
 * <pre>{@code
 * try (OasstClient client = OasstClient.builder()
 *         .baseUrl("https://backend.example.org")
 *         .apiKey(System.getenv("OASST_API_KEY"))
 *         .build()) {
 *     User user = User.discord("1234", "Alice");
 *     InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user);
 *     client.ackTask(task.id(), "frontend-message-1");
 *     client.postInteraction(TextReplyToMessage.of(user, "frontend-message-1", "user-message-1", "Hi!"));
 * }
 * }</pre>
 *
 * <p>Every failure raises an {@link io.github.oasst.client.api.OasstException}; invalid arguments
 * raise {@link IllegalArgumentException} or {@link NullPointerException} before anything is sent.
 * Calls are retried under the {@link RetryPolicy}; each blocking method has an asynchronous twin
 * returning a {@link CompletableFuture} with the same retries, whose waits block no thread.
 *
 * <p>Thread-safe. {@link #close()} releases what the client created (its OkHttp client and its
 * thread pool), never what the caller passed in.
 */
public final class OasstClient implements AutoCloseable {
    /** Environment variable read by {@link Builder#fromEnvironment()} for the base URL. */
    public static final String ENV_BACKEND_URL = "OASST_BACKEND_URL";
    /** Environment variable read by {@link Builder#fromEnvironment()} for the API key. */
    public static final String ENV_API_KEY = "OASST_API_KEY";

    /** Time to establish a connection, unless set: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longest silence while waiting for the response, unless set: 30 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Longest time of one attempt (connect, send, receive), unless set: 60 s. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long the client's own connection pool keeps an idle connection: 4 s, under the 5 s
     * keep-alive of uvicorn (the server the OASST backend runs on), so that a connection the server
     * has closed is not reused.
     */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(4);
    /** Threads of the client's own pool for asynchronous calls, unless an executor is set: 64. */
    public static final int DEFAULT_ASYNC_THREADS = 64;

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(OasstClient.class);

    private final String baseUrl;
    private final String tasksPath;
    /** What the blocking methods call: retrying (when the policy or a circuit breaker asks for it). */
    private final OasstTasksApi api;
    /** One attempt per call, what the asynchronous methods' retries run. */
    private final OasstTasksApi direct;

    private final Retrier retrier;
    private final okhttp3.OkHttpClient http;
    private final ApiKeyInterceptor apiKey;
    private final UserAgentInterceptor userAgent;
    private final Logger.Level logLevel;
    /** The Feign client of {@link #tasksApi()}, made at its first use. */
    private volatile @Nullable OasstTasksApi feignApi;

    private final Object feignLock = new Object();

    private final Executor executor;
    private final @Nullable ExecutorService ownedExecutor;
    private final okhttp3.@Nullable OkHttpClient ownedHttpClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OasstClient(Builder builder, String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.tasksPath = URI.create(baseUrl).getRawPath() + "/api/v1/tasks/";

        this.http = builder.httpClient();
        this.ownedHttpClient = builder.okHttpClient == null ? http : null;
        this.apiKey = new ApiKeyInterceptor(apiKey);
        this.userAgent = new UserAgentInterceptor(builder.userAgent);
        this.logLevel = builder.logLevel;

        RetryRegistry registry = builder.retryRegistry == null ? RetryRegistry.ofDefaults() : builder.retryRegistry;
        this.retrier = new Retrier(builder.retryPolicy, registry, builder.circuitBreaker, builder.waiter);

        if (logLevel == Logger.Level.NONE) {
            // Nothing to log: the calls go straight to OkHttp, without Feign's per-call work
            this.direct = new DirectTasksApi(http, baseUrl, this.apiKey, userAgent);
            this.api = retrier.active() ? new RetryingTasksApi(direct, new OasstRetries(retrier)) : direct;
        } else {
            // Feign's logger writes the log: the calls go through Feign
            this.direct = feign(null);
            this.api = retrier.active() ? feign(retrier) : direct;
            this.feignApi = api;
        }

        if (builder.executor != null) {
            this.executor = builder.executor;
            this.ownedExecutor = null;
        } else {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(
                    DEFAULT_ASYNC_THREADS,
                    DEFAULT_ASYNC_THREADS,
                    30,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    daemonThreads());
            pool.allowCoreThreadTimeOut(true);
            this.executor = pool;
            this.ownedExecutor = pool;
        }
    }

    /**
     * A Feign client of the tasks API with the client's components, running its calls under the
     * retrier when there is one; Feign's own retryer never retries.
     */
    private OasstTasksApi feign(@Nullable Retrier retries) {
        return Feign.builder()
                .client(new feign.okhttp.OkHttpClient(http))
                .options(OasstFeign.options(http))
                .encoder(OasstFeign.encoder())
                .decoder(new OasstDecoder())
                .errorDecoder(new OasstErrorDecoder())
                .requestInterceptor(apiKey)
                .requestInterceptor(userAgent)
                .logger(new RedactingLogger())
                .logLevel(logLevel)
                .retryer(Retryer.NEVER_RETRY)
                .addCapability(Resilience4jFeign.capability(new OasstFeignDecorator(retries)))
                .target(OasstTasksApi.class, baseUrl);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "oasst-client-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A builder; {@link Builder#baseUrl(String)} and {@link Builder#apiKey(String)} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The backend's base URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * A Feign client of the tasks API with this client's configuration, OkHttp client and retry
     * policy, for code written against {@link OasstTasksApi}; made at the first call. With retries
     * on, {@link OasstTasksApi#postInteraction} and {@link OasstTasksApi#closeTask} return null when a
     * retry was reconciled (the earlier attempt took effect; its answer was lost).
     *
     * <p>This client's own methods send the same requests; while the log level is {@code NONE} they
     * do so without going through Feign, whose per-call work (request templates, header maps, URL
     * parsing) costs more than the rest of the call: see {@code docs/benchmarks.md}.
     */
    public OasstTasksApi tasksApi() {
        OasstTasksApi feign = feignApi;
        if (feign == null) {
            synchronized (feignLock) {
                feign = feignApi;
                if (feign == null) {
                    feign = feign(retrier.active() ? retrier : null);
                    feignApi = feign;
                }
            }
        }
        return feign;
    }

    /**
     * The Resilience4j Retry of an operation, to observe its events ({@code
     * retry(FETCH_TASK).getEventPublisher().onRetry(...)}) or read its metrics.
     */
    public Retry retry(OasstOperation operation) {
        return retrier.retry(Objects.requireNonNull(operation, "operation must not be null"));
    }

    // ---- fetching ----------------------------------------------------------------------------

    /**
     * Fetches a task of the given kind for the user.
     *
     * @param user the user, or null for a task not bound to a user
     * @return the task, typed by the kind
     * @throws OasstUnexpectedTaskException when the server answers {@code task_done} (no task is
     *     available; {@link OasstUnexpectedTaskException#noTaskAvailable()}) or a task of another
     *     type
     */
    public <T extends Task> T fetchTask(TaskKind<T> kind, @Nullable User user) {
        return fetchTask(kind, user, FetchOptions.DEFAULT);
    }

    /** Like {@link #fetchTask(TaskKind, User)}, with options (collective, language). */
    public <T extends Task> T fetchTask(TaskKind<T> kind, @Nullable User user, FetchOptions options) {
        TaskRequest request = taskRequest(kind, user, options);
        ensureOpen();
        return expect(kind, api.requestTask(request));
    }

    /**
     * Fetches a task of a type the server chooses; a type this client does not know comes as {@link
     * io.github.oasst.client.protocol.UnknownTask}.
     *
     * @throws OasstUnexpectedTaskException when the server answers {@code task_done}: no task is
     *     available
     */
    public Task fetchRandomTask(@Nullable User user) {
        return fetchTask(TaskKind.RANDOM, user, FetchOptions.DEFAULT);
    }

    /** Asynchronous {@link #fetchTask(TaskKind, User)}. */
    public <T extends Task> CompletableFuture<T> fetchTaskAsync(TaskKind<T> kind, @Nullable User user) {
        return fetchTaskAsync(kind, user, FetchOptions.DEFAULT);
    }

    /** Asynchronous {@link #fetchTask(TaskKind, User, FetchOptions)}. */
    public <T extends Task> CompletableFuture<T> fetchTaskAsync(
            TaskKind<T> kind, @Nullable User user, FetchOptions options) {
        TaskRequest request = taskRequest(kind, user, options);
        ensureOpen();
        return retrier.executeAsync(OasstOperation.FETCH_TASK, executor, () -> direct.requestTask(request))
                .thenApply(task -> expect(kind, task));
    }

    /** Asynchronous {@link #fetchRandomTask(User)}. */
    public CompletableFuture<Task> fetchRandomTaskAsync(@Nullable User user) {
        return fetchTaskAsync(TaskKind.RANDOM, user, FetchOptions.DEFAULT);
    }

    // ---- acknowledging ------------------------------------------------------------------------

    /**
     * Acknowledges a task: the frontend has shown it, as its message {@code frontendMessageId}.
     *
     * @param frontendMessageId the frontend's message id; not blank; the interaction answering the
     *     task names it
     */
    public void ackTask(UUID taskId, String frontendMessageId) {
        Objects.requireNonNull(taskId, "taskId must not be null");
        TaskAck ack = new TaskAck(frontendMessageId);
        ensureOpen();
        api.ackTask(taskId, ack);
    }

    /** Asynchronous {@link #ackTask(UUID, String)}. */
    public CompletableFuture<Void> ackTaskAsync(UUID taskId, String frontendMessageId) {
        Objects.requireNonNull(taskId, "taskId must not be null");
        TaskAck ack = new TaskAck(frontendMessageId);
        ensureOpen();
        return retrier.executeAsync(OasstOperation.ACK_TASK, executor, () -> {
            direct.ackTask(taskId, ack);
            return null;
        });
    }

    /** Rejects a task: the frontend could not show it. */
    public void nackTask(UUID taskId, String reason) {
        Objects.requireNonNull(taskId, "taskId must not be null");
        TaskNAck nack = new TaskNAck(reason);
        ensureOpen();
        api.nackTask(taskId, nack);
    }

    /** Asynchronous {@link #nackTask(UUID, String)}. */
    public CompletableFuture<Void> nackTaskAsync(UUID taskId, String reason) {
        Objects.requireNonNull(taskId, "taskId must not be null");
        TaskNAck nack = new TaskNAck(reason);
        ensureOpen();
        return retrier.executeAsync(OasstOperation.NACK_TASK, executor, () -> {
            direct.nackTask(taskId, nack);
            return null;
        });
    }

    // ---- answering ----------------------------------------------------------------------------

    /**
     * Posts the user's answer to an acknowledged task. The server's {@code task_done} answer carries
     * nothing, so this returns nothing; any 2xx answer counts as accepted.
     */
    public void postInteraction(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        ensureOpen();
        api.postInteraction(interaction);
    }

    /** Asynchronous {@link #postInteraction(Interaction)}. */
    public CompletableFuture<Void> postInteractionAsync(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        ensureOpen();
        return retrier.executeAsync(OasstOperation.POST_INTERACTION, executor, () -> {
            direct.postInteraction(interaction);
            return null;
        });
    }

    /** Closes a collective task, named by the frontend message id it was acknowledged with. */
    public void closeTask(String frontendMessageId) {
        TaskClose close = new TaskClose(frontendMessageId);
        ensureOpen();
        api.closeTask(close);
    }

    /** Asynchronous {@link #closeTask(String)}. */
    public CompletableFuture<Void> closeTaskAsync(String frontendMessageId) {
        TaskClose close = new TaskClose(frontendMessageId);
        ensureOpen();
        return retrier.executeAsync(OasstOperation.CLOSE_TASK, executor, () -> {
            direct.closeTask(close);
            return null;
        });
    }

    /**
     * How many tasks of each request type the user could get (servers from 2023-02 on; a 2023-01
     * server answers 404).
     *
     * @param lang the language, or null for the server's default
     * @return the count per request type wire name
     */
    public Map<String, Integer> taskAvailability(User user, @Nullable String lang) {
        Objects.requireNonNull(user, "user must not be null");
        ensureOpen();
        return api.taskAvailability(lang, user);
    }

    /** Asynchronous {@link #taskAvailability(User, String)}. */
    public CompletableFuture<Map<String, Integer>> taskAvailabilityAsync(User user, @Nullable String lang) {
        Objects.requireNonNull(user, "user must not be null");
        ensureOpen();
        return retrier.executeAsync(
                OasstOperation.TASK_AVAILABILITY, executor, () -> direct.taskAvailability(lang, user));
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    /**
     * Releases what the client created: its thread pool (running calls finish; retries not yet
     * started fail with {@link IllegalStateException}) and its OkHttp client's pool and dispatcher. A
     * caller's OkHttp client and executor are left alone. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownedHttpClient != null) {
            ownedHttpClient.dispatcher().executorService().shutdown();
            ownedHttpClient.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "OasstClient[baseUrl=" + baseUrl + ", apiKey=<redacted>]";
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the OASST client is closed");
        }
    }

    private static TaskRequest taskRequest(TaskKind<?> kind, @Nullable User user, FetchOptions options) {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return new TaskRequest(kind.requestType(), user, options.collective(), options.lang());
    }

    private <T extends Task> T expect(TaskKind<T> kind, Task task) {
        if (kind.isAnsweredBy(task)) {
            return kind.taskClass().cast(task);
        }
        throw new OasstUnexpectedTaskException(kind, task, "POST", tasksPath);
    }

    /**
     * Builds an {@link OasstClient}. Checks each value when it is set, and in {@link #build()} that
     * the base URL and the API key are there. {@code toString()} never shows the key.
     */
    public static final class Builder {
        private @Nullable String baseUrl;
        private @Nullable String apiKey;
        private okhttp3.@Nullable OkHttpClient okHttpClient;
        private @Nullable Duration connectTimeout;
        private @Nullable Duration readTimeout;
        private @Nullable Duration callTimeout;
        private Logger.Level logLevel = Logger.Level.NONE;
        private @Nullable String userAgent;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private @Nullable CircuitBreaker circuitBreaker;
        private @Nullable RetryRegistry retryRegistry;
        private @Nullable Executor executor;
        private Waiter waiter = Waiter.SYSTEM;

        private Builder() {}

        /**
         * The backend's base URL, {@code http} or {@code https}, for example {@code
         * https://backend.example.org} or one with a path prefix; no credentials, query or fragment.
         * A plain {@code http} URL to a host other than loopback logs a warning when the client is
         * built: the API key would travel unencrypted.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = normalizeBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl must not be null"));
            return this;
        }

        /** The API key sent as {@code X-API-Key}: not blank, printable ASCII, no control characters. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey must not be null");
            this.apiKey = HeaderValues.check(apiKey, "API key");
            return this;
        }

        /**
         * Takes the base URL from {@value OasstClient#ENV_BACKEND_URL} and the API key from {@value
         * OasstClient#ENV_API_KEY}, each only when set and not blank.
         */
        public Builder fromEnvironment() {
            return fromEnvironment(System.getenv());
        }

        Builder fromEnvironment(Map<String, String> environment) {
            String url = environment.get(ENV_BACKEND_URL);
            if (url != null && !url.isBlank()) {
                baseUrl(url);
            }
            String key = environment.get(ENV_API_KEY);
            if (key != null && !key.isBlank()) {
                apiKey(key);
            }
            return this;
        }

        /**
         * The OkHttp client to send with, like the reference client's session. The client uses a
         * copy sharing its connection pool and dispatcher, with redirects and OkHttp's silent
         * retries off, and does not close it. Without one the client creates and owns its own.
         */
        public Builder okHttpClient(okhttp3.OkHttpClient okHttpClient) {
            this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient must not be null");
            return this;
        }

        /** Time to establish a connection. Default {@link OasstClient#DEFAULT_CONNECT_TIMEOUT 10 s}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Longest silence while reading the response. Default {@link OasstClient#DEFAULT_READ_TIMEOUT 30 s}. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Longest time of one attempt. Default {@link OasstClient#DEFAULT_CALL_TIMEOUT 60 s}; {@link
         * Duration#ZERO} turns it off, leaving each attempt bounded by the connect and read timeouts
         * only.
         */
        public Builder callTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "callTimeout must not be null");
            this.callTimeout = timeout.isZero() ? timeout : positive(timeout, "callTimeout");
            return this;
        }

        /**
         * Feign's log level; lines go to SLF4J DEBUG on {@code io.github.oasst.client.http}, never
         * with the API key. Default {@code NONE}.
         */
        public Builder logLevel(Logger.Level logLevel) {
            this.logLevel = Objects.requireNonNull(logLevel, "logLevel must not be null");
            return this;
        }

        /**
         * A product token put before the client's own in {@code User-Agent}, for example {@code
         * my-bot/1.2}: printable ASCII, no control characters.
         */
        public Builder userAgent(String product) {
            Objects.requireNonNull(product, "userAgent must not be null");
            this.userAgent = HeaderValues.check(product, "user agent");
            return this;
        }

        /** The retry policy. Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#disabled()} turns retries off. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
            return this;
        }

        /**
         * A circuit breaker each attempt goes through. It records what its configuration says;
         * {@code recordException(e -> e instanceof OasstException o && o.failureClass() !=
         * FailureClass.DEFINITE)} keeps 4xx answers from opening it. When open, calls fail with its
         * {@code CallNotPermittedException}. Default none.
         */
        public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
            this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker must not be null");
            return this;
        }

        /**
         * The registry to create the operations' Retry instances in ({@code oasst-fetch-task}, {@code
         * oasst-ack-task}, …), for metrics. Default a registry of the client's own.
         */
        public Builder retryRegistry(RetryRegistry retryRegistry) {
            this.retryRegistry = Objects.requireNonNull(retryRegistry, "retryRegistry must not be null");
            return this;
        }

        /**
         * The executor asynchronous attempts run on (each holds a thread while its HTTP exchange
         * lasts). Not shut down by the client. Default a pool of the client's own of {@link
         * OasstClient#DEFAULT_ASYNC_THREADS 64} daemon threads.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        Builder waiter(Waiter waiter) {
            this.waiter = waiter;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if the base URL or the API key is missing
         */
        public OasstClient build() {
            String url = baseUrl;
            String key = apiKey;
            if (url == null) {
                throw new IllegalStateException("the base URL is missing: call baseUrl(...), or set " + ENV_BACKEND_URL
                        + " and call fromEnvironment()");
            }
            if (key == null) {
                throw new IllegalStateException("the API key is missing: call apiKey(...), or set " + ENV_API_KEY
                        + " and call fromEnvironment()");
            }
            warnIfPlainHttp(url);
            return new OasstClient(this, url, key);
        }

        okhttp3.OkHttpClient httpClient() {
            okhttp3.OkHttpClient.Builder http;
            if (okHttpClient == null) {
                http = new okhttp3.OkHttpClient.Builder()
                        .connectionPool(new ConnectionPool(5, DEFAULT_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                        .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                        .readTimeout(DEFAULT_READ_TIMEOUT)
                        .writeTimeout(DEFAULT_READ_TIMEOUT)
                        .callTimeout(DEFAULT_CALL_TIMEOUT);
            } else {
                http = okHttpClient.newBuilder();
            }
            if (connectTimeout != null) {
                http.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                http.readTimeout(readTimeout).writeTimeout(readTimeout);
            }
            if (callTimeout != null) {
                http.callTimeout(callTimeout);
            }
            return OasstFeign.harden(http.build());
        }

        @Override
        public String toString() {
            return "OasstClient.Builder[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "<redacted>")
                    + ", retryPolicy=" + retryPolicy + "]";
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, () -> name + " must not be null");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration);
            }
            return duration;
        }

        static String normalizeBaseUrl(String value) {
            URI uri;
            try {
                uri = new URI(value.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL, got " + value);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("baseUrl has no host: " + value);
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must not contain credentials");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + value);
            }
            String normalized = uri.toString();
            while (normalized.endsWith("/")) {
                normalized = normalized.substring(0, normalized.length() - 1);
            }
            return normalized;
        }

        private static void warnIfPlainHttp(String url) {
            URI uri = URI.create(url);
            if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
                LOG.warn(
                        "The OASST backend URL {} uses plain http to a host that is not loopback: the API key travels unencrypted",
                        url);
            }
        }

        static boolean isLoopback(String host) {
            String name = host.toLowerCase(Locale.ROOT);
            if (name.equals("localhost") || name.endsWith(".localhost")) {
                return true;
            }
            boolean literal = name.startsWith("[") || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
            if (!literal) {
                return false; // a name: no DNS lookup to decide
            }
            try {
                return InetAddress.getByName(name).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
