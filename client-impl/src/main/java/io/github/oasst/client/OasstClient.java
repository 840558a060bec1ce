package io.github.oasst.client;

import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.api.OasstUserHeader;
import io.github.oasst.client.internal.http.FeignOptions;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.jspecify.annotations.Nullable;

/**
 * The OASST client: typed task methods, blocking and asynchronous, with retries that never
 * duplicate work, and the rest of the API (messages, users, stats, leaderboards, …) through {@link
 * #data()}.
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
 * Every call goes through the Feign clients {@link #tasksApi()} and {@link #tasksAsyncApi()}, under
 * the {@link RetryPolicy}. An asynchronous method's future fails with the exception the blocking
 * method throws; cancelling it cancels the exchange in flight and every later attempt.
 *
 * <p>Thread-safe. {@link #close()} closes it: later calls fail with {@link IllegalStateException},
 * asynchronous calls in flight are cancelled, and what the client created (its OkHttp client, its
 * scheduler) is released, never what the caller passed in.
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
    /**
     * How many asynchronous calls the client's own OkHttp client runs at once, in all and to the
     * backend (OkHttp's dispatcher; its default is 64 in all, 5 per host): 64. More wait in the
     * dispatcher's queue. Each running call holds one of OkHttp's threads while it is on the wire.
     */
    public static final int DEFAULT_MAX_REQUESTS = 64;

    private final String baseUrl;
    private final String tasksPath;
    private final TasksFeign feign;
    private final OasstData data;
    private final Retrier retrier;
    private final KnownVersion version;
    /** The client whose view this is, null for the client itself. */
    private final @Nullable OasstClient root;
    /** The user of a per-user view, null for the client itself. */
    private final @Nullable User user;
    /** The value of the view's user header, null for the client itself. */
    private final @Nullable String userHeader;
    /** The Feign client every blocking call goes through; a view makes it at its first call. */
    private volatile @Nullable OasstTasksApi api;
    /** The Feign client every asynchronous call goes through; made at the first one. */
    private volatile @Nullable OasstTasksAsyncApi asyncApi;

    private volatile boolean closed;
    private final @Nullable ScheduledExecutorService ownedScheduler;
    private final okhttp3.@Nullable OkHttpClient ownedHttpClient;

    OasstClient(OasstClientBuilder builder, String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        okhttp3.OkHttpClient http = builder.httpClient();
        this.ownedHttpClient = builder.okHttpClient == null ? http : null;
        ScheduledExecutorService scheduler = builder.scheduler == null ? ownScheduler() : builder.scheduler;
        this.ownedScheduler = builder.scheduler == null ? scheduler : null;

        this.root = null;
        this.user = null;
        this.userHeader = null;
        RetryRegistry registry = builder.retryRegistry == null ? RetryRegistry.ofDefaults() : builder.retryRegistry;
        TasksFeign[] components = new TasksFeign[1];
        FeignOptions options = new FeignOptions(http);
        this.version = new KnownVersion(
                builder.serverVersion,
                () -> components[0].create(ServerVersionProbe.class, null),
                () -> components[0].createAsync(ServerVersionProbe.Async.class, null));
        this.retrier = new Retrier(
                builder.retryPolicy,
                registry,
                builder.circuitBreaker,
                builder.nanoClock,
                scheduler,
                new Listeners(builder.listeners),
                version::ifKnown,
                options);
        this.feign = new TasksFeign(
                baseUrl,
                http,
                options,
                apiKey,
                builder.userAgent,
                builder.logLevel,
                builder.json == null ? OasstJson.jackson2() : builder.json,
                retrier);
        components[0] = feign;
        this.tasksPath = feign.tasksPath();
        this.api = feign.create(OasstTasksApi.class, null);
        this.data = new OasstData(type -> components[0].create(type, null));
    }

    /** A view of the client for a user: its parts, and a header naming the user. */
    private OasstClient(OasstClient root, User user) {
        this.baseUrl = root.baseUrl;
        this.tasksPath = root.tasksPath;
        this.feign = root.feign;
        this.retrier = root.retrier;
        this.version = root.version;
        this.root = root;
        this.user = user;
        this.userHeader = OasstUserHeader.value(user, "user");
        this.ownedScheduler = null;
        this.ownedHttpClient = null;
        String header = userHeader;
        this.data = new OasstData(type -> root.feign.create(type, header));
    }

    /** A builder; {@link OasstClientBuilder#baseUrl(String)} and {@link OasstClientBuilder#apiKey(String)} are required. */
    public static OasstClientBuilder builder() {
        return new OasstClientBuilder();
    }

    /**
     * A view of this client for one user: every request it sends names the user in the {@code
     * x-oasst-user} header ({@code <auth_method>:<id>}), as OASST's own web frontend does, which a
     * 2023-05 server needs to nack a task and reads on many other operations (a 2023-01 server
     * ignores it). The view shares this client's connection pool, retries, listeners and lifecycle:
     * it costs a few small objects; closing this client closes it, and its own {@link #close()} does
     * nothing. Its {@link #fetchTask(TaskKind)} fetches for the user.
     *
     * <pre>{@code
     * OasstClient alice = client.forUser(User.discord("1234", "Alice"));
     * InitialPromptTask task = alice.fetchTask(TaskKind.INITIAL_PROMPT);
     * alice.nackTask(task.id(), "not shown"); // x-oasst-user: discord:1234
     * }</pre>
     *
     * @throws IllegalArgumentException when the user cannot be named in the header: the value is
     *     checked like the API key (printable ASCII, no control characters, an auth method without
     *     {@code :})
     */
    public OasstClient forUser(User user) {
        Objects.requireNonNull(user, "user must not be null");
        return new OasstClient(root == null ? this : root, user);
    }

    /** The user of a view made by {@link #forUser(User)}; empty for the client itself. */
    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /**
     * The backend's version: as stated to {@link OasstClientBuilder#serverVersion}, else learned at
     * the first call of this method (or of an interaction, which needs it) from {@code GET
     * /api/v1/tasks/availability}: 405 (the route exists) on a 2023-05 server, 404 on a 2023-01 server.
     * Learned once for the client and its views.
     *
     * @throws io.github.oasst.client.api.OasstException when the backend cannot be asked, or answers
     *     neither
     */
    public OasstServerVersion serverVersion() {
        return version.get();
    }

    /** The backend's base URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The Feign client of the tasks API that this client's blocking methods call, for code written
     * against {@link OasstTasksApi}: the same path, retries, reconciliation and exceptions.
     */
    public OasstTasksApi tasksApi() {
        OasstTasksApi tasks = api;
        if (tasks == null) {
            synchronized (feign) {
                tasks = api;
                if (tasks == null) {
                    tasks = feign.create(OasstTasksApi.class, userHeader);
                    api = tasks;
                }
            }
        }
        return tasks;
    }

    /**
     * The {@code AsyncFeign} client of the tasks API that this client's asynchronous methods call,
     * for code written against {@link OasstTasksAsyncApi}: OkHttp's asynchronous calls, the same
     * retries, the client's exceptions unwrapped in its futures.
     */
    public OasstTasksAsyncApi tasksAsyncApi() {
        OasstTasksAsyncApi async = asyncApi;
        if (async == null) {
            synchronized (feign) {
                async = asyncApi;
                if (async == null) {
                    async = feign.createAsync(OasstTasksAsyncApi.class, userHeader);
                    asyncApi = async;
                }
            }
        }
        return async;
    }

    /**
     * The rest of the OASST API: messages, users, statistics, leaderboards, text labels, through this
     * client's transport, codec, retries and listeners.
     */
    public OasstData data() {
        return data;
    }

    /** The client's Feign components, for {@link OasstFeign#client(OasstClient)}. */
    TasksFeign feign() {
        return feign;
    }

    /** What runs the client's calls, for {@link OasstFeign#capability(OasstClient)}. */
    Retrier retrier() {
        return retrier;
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

    /**
     * Fetches a task of the given kind for the user of this view ({@link #forUser(User)}); for the
     * client itself, a task not bound to a user (which a 2023-05 server refuses: {@code
     * USER_NOT_SPECIFIED}).
     */
    public <T extends Task> T fetchTask(TaskKind<T> kind) {
        return fetchTask(kind, user, FetchOptions.DEFAULT);
    }

    /** Like {@link #fetchTask(TaskKind, User)}, with options (collective, language). */
    public <T extends Task> T fetchTask(TaskKind<T> kind, @Nullable User user, FetchOptions options) {
        return expect(kind, tasksApi().requestTask(taskRequest(kind, user, options)));
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
        return Futures.map(tasksAsyncApi().requestTask(request), task -> expect(kind, task));
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
        tasksApi().ackTask(Objects.requireNonNull(taskId, "taskId must not be null"), new TaskAck(frontendMessageId));
    }

    /** Asynchronous {@link #ackTask(UUID, String)}. */
    public CompletableFuture<Void> ackTaskAsync(UUID taskId, String frontendMessageId) {
        TaskAck ack = new TaskAck(frontendMessageId);
        return tasksAsyncApi().ackTask(Objects.requireNonNull(taskId, "taskId must not be null"), ack);
    }

    /**
     * Acknowledges a task on behalf of the user, named in {@code x-oasst-user} (see {@link
     * #forUser(User)}).
     */
    public void ackTask(UUID taskId, String frontendMessageId, User user) {
        forUser(user).ackTask(taskId, frontendMessageId);
    }

    /** Asynchronous {@link #ackTask(UUID, String, User)}. */
    public CompletableFuture<Void> ackTaskAsync(UUID taskId, String frontendMessageId, User user) {
        return forUser(user).ackTaskAsync(taskId, frontendMessageId);
    }

    /**
     * Rejects a task: the frontend could not show it. A 2023-05 server needs the task's user: use
     * {@link #nackTask(UUID, String, User)} or a view of {@link #forUser(User)}.
     */
    public void nackTask(UUID taskId, String reason) {
        tasksApi().nackTask(Objects.requireNonNull(taskId, "taskId must not be null"), new TaskNAck(reason));
    }

    /** Asynchronous {@link #nackTask(UUID, String)}. */
    public CompletableFuture<Void> nackTaskAsync(UUID taskId, String reason) {
        TaskNAck nack = new TaskNAck(reason);
        return tasksAsyncApi().nackTask(Objects.requireNonNull(taskId, "taskId must not be null"), nack);
    }

    /**
     * Rejects a task on behalf of its user, named in {@code x-oasst-user}: a 2023-05 server refuses a
     * nack without it ({@code USER_NOT_SPECIFIED}) or for another user ({@code
     * TASK_NOT_ASSIGNED_TO_USER}); a 2023-01 server ignores it.
     */
    public void nackTask(UUID taskId, String reason, User user) {
        forUser(user).nackTask(taskId, reason);
    }

    /** Asynchronous {@link #nackTask(UUID, String, User)}. */
    public CompletableFuture<Void> nackTaskAsync(UUID taskId, String reason, User user) {
        return forUser(user).nackTaskAsync(taskId, reason);
    }

    /**
     * Posts the user's answer to an acknowledged task. Any 2xx answer counts as accepted (the
     * server's {@code task_done} carries nothing more).
     */
    public void postInteraction(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        if (needsServerVersion()) {
            version.tryToLearn(); // whether a repeat after a lost answer is safe depends on it
        }
        tasksApi().postInteraction(interaction);
    }

    /** Asynchronous {@link #postInteraction(Interaction)}. */
    public CompletableFuture<Void> postInteractionAsync(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        OasstTasksAsyncApi async = tasksAsyncApi();
        if (!needsServerVersion()) {
            return async.postInteraction(interaction);
        }
        return Futures.compose(version.tryToLearnAsync(), known -> async.postInteraction(interaction));
    }

    /** Closes a collective task, named by the frontend message id it was acknowledged with. */
    public void closeTask(String frontendMessageId) {
        tasksApi().closeTask(new TaskClose(frontendMessageId));
    }

    /** Asynchronous {@link #closeTask(String)}. */
    public CompletableFuture<Void> closeTaskAsync(String frontendMessageId) {
        return tasksAsyncApi().closeTask(new TaskClose(frontendMessageId));
    }

    /**
     * How many tasks of each request type the user could get (servers from 2023-02 on; a 2023-01
     * server answers 404).
     *
     * @param lang the language, or null for the server's default
     * @return the count per request type wire name
     */
    public Map<String, Integer> taskAvailability(User user, @Nullable String lang) {
        return tasksApi().taskAvailability(lang, Objects.requireNonNull(user, "user must not be null"));
    }

    /** Asynchronous {@link #taskAvailability(User, String)}. */
    public CompletableFuture<Map<String, Integer>> taskAvailabilityAsync(User user, @Nullable String lang) {
        return tasksAsyncApi().taskAvailability(lang, Objects.requireNonNull(user, "user must not be null"));
    }

    /**
     * Closes the client: from now on every call, of this client and of its {@link #tasksApi()} and
     * {@link #tasksAsyncApi()}, fails at once with {@link IllegalStateException}; the calls in
     * progress, blocking or asynchronous, end at once with it (their exchanges cancelled, their waits
     * cut short), each told to the listeners once. Releases what the client created: its scheduler,
     * its OkHttp client's dispatcher and pool. A caller's OkHttp client and scheduler are left alone.
     * Idempotent.
     */
    @Override
    public void close() {
        if (root != null || closed) {
            return; // a view owns nothing
        }
        closed = true;
        retrier.close();
        if (ownedScheduler != null) {
            ownedScheduler.shutdown(); // the calls ended, their waits too: nothing is left to run but their ends
        }
        if (ownedHttpClient != null) {
            ownedHttpClient.dispatcher().cancelAll();
            ownedHttpClient.dispatcher().executorService().shutdown();
            ownedHttpClient.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "OasstClient[baseUrl=" + baseUrl + (user == null ? "" : ", user=" + user.authMethod() + ":" + user.id())
                + ", apiKey=<redacted>]";
    }

    /**
     * Whether an interaction's retries depend on the server's version, not known yet: the policy
     * retries interactions, and those repeated after a lost answer by the server's version.
     */
    private boolean needsServerVersion() {
        RetryPolicy policy = retrier.policy();
        return version.ifKnown() == null
                && policy.ambiguousInteractionsFollowServerVersion()
                && policy.maxAttempts() > 1
                && policy.operations().contains(OasstOperation.POST_INTERACTION);
    }

    /**
     * Where the client's calls wait between attempts: one daemon thread, started at the first wait,
     * that only starts the next attempt when a wait ends.
     */
    private static ScheduledExecutorService ownScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "oasst-client-retry-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /** The OkHttp client the client created and closes, null when the caller gave one. */
    okhttp3.@Nullable OkHttpClient ownedHttpClient() {
        return ownedHttpClient;
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
