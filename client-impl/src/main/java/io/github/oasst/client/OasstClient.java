package io.github.oasst.client;

import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
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
import org.jspecify.annotations.Nullable;

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
    /** Environment variable read by {@link OasstClientBuilder#fromEnvironment()} for the base URL. */
    public static final String ENV_BACKEND_URL = "OASST_BACKEND_URL";
    /** Environment variable read by {@link OasstClientBuilder#fromEnvironment()} for the API key. */
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
    /**
     * How many idle connections the client's own connection pool keeps: 64, as many as calls run at
     * once in a busy frontend, so that connections are reused instead of closed and opened again.
     */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 64;
    /** Threads of the client's own pool for asynchronous calls, unless an executor is set: 64. */
    public static final int DEFAULT_ASYNC_THREADS = 64;

    private final String baseUrl;
    private final String tasksPath;
    private final TasksFeign feign;
    /** The Feign client of the tasks API every blocking call goes through, retrying under the policy. */
    private final OasstTasksApi api;
    /** The same Feign client making one attempt per call, what asynchronous retries run; made at first use. */
    private volatile @Nullable OasstTasksApi attempts;

    private final Retrier retrier;
    private final Executor executor;
    private final @Nullable ExecutorService ownedExecutor;
    private final okhttp3.@Nullable OkHttpClient ownedHttpClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    OasstClient(OasstClientBuilder builder, String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        okhttp3.OkHttpClient http = builder.httpClient();
        this.ownedHttpClient = builder.okHttpClient == null ? http : null;

        this.feign = new TasksFeign(baseUrl, http, apiKey, builder.userAgent, builder.logLevel);
        this.tasksPath = feign.tasksPath();
        RetryRegistry registry = builder.retryRegistry == null ? RetryRegistry.ofDefaults() : builder.retryRegistry;
        this.retrier = new Retrier(builder.retryPolicy, registry, builder.circuitBreaker, builder.waiter);
        this.api = feign.create(retrier.active() ? retrier : null);
        this.attempts = retrier.active() ? null : api;

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

    private OasstTasksApi attempts() {
        OasstTasksApi single = attempts;
        if (single == null) {
            synchronized (feign) {
                single = attempts;
                if (single == null) {
                    single = feign.create(null);
                    attempts = single;
                }
            }
        }
        return single;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "oasst-client-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A builder; {@link OasstClientBuilder#baseUrl(String)} and {@link OasstClientBuilder#apiKey(String)} are required. */
    public static OasstClientBuilder builder() {
        return new OasstClientBuilder();
    }

    /** The backend's base URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The Feign client of the tasks API that this client's own blocking methods call, with its
     * configuration, OkHttp client and retry policy, for code written against {@link OasstTasksApi}:
     * the same path, the same retries and reconciliation.
     */
    public OasstTasksApi tasksApi() {
        return api;
    }

    /**
     * The Resilience4j Retry of an operation, to observe its events ({@code
     * retry(FETCH_TASK).getEventPublisher().onRetry(...)}) or read its metrics.
     */
    public Retry retry(OasstOperation operation) {
        return retrier.retry(Objects.requireNonNull(operation, "operation must not be null"));
    }

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
        return retrier.executeAsync(
                        OasstOperation.FETCH_TASK, executor, () -> attempts().requestTask(request))
                .thenApply(task -> expect(kind, task));
    }

    /** Asynchronous {@link #fetchRandomTask(User)}. */
    public CompletableFuture<Task> fetchRandomTaskAsync(@Nullable User user) {
        return fetchTaskAsync(TaskKind.RANDOM, user, FetchOptions.DEFAULT);
    }

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
        return runAsync(OasstOperation.ACK_TASK, () -> attempts().ackTask(taskId, ack));
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
        return runAsync(OasstOperation.NACK_TASK, () -> attempts().nackTask(taskId, nack));
    }

    /**
     * Posts the user's answer to an acknowledged task. Any 2xx answer counts as accepted (the
     * server's {@code task_done} carries nothing more).
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
        return runAsync(OasstOperation.POST_INTERACTION, () -> attempts().postInteraction(interaction));
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
        return runAsync(OasstOperation.CLOSE_TASK, () -> attempts().closeTask(close));
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
                OasstOperation.TASK_AVAILABILITY, executor, () -> attempts().taskAvailability(lang, user));
    }

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

    /** The attempts of a call without result on the executor, under the operation's retries. */
    private CompletableFuture<Void> runAsync(OasstOperation operation, Runnable attempt) {
        return retrier.executeAsync(operation, executor, () -> {
            attempt.run();
            return null;
        });
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
}
