package io.github.oasst.client;

import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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
public final class OasstClient extends TaskOperations implements AutoCloseable {
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

    private final OasstData data;

    OasstClient(OasstClientBuilder builder, String baseUrl, String apiKey) {
        this(new ClientCore(builder, baseUrl, apiKey), null);
        tasksApi();
    }

    /** The client itself (no user), or a view of it for a user: its parts, and a header naming the user. */
    private OasstClient(ClientCore core, @Nullable User user) {
        super(core, user);
        String header = userHeader;
        this.data = new OasstData(type -> core.feign.create(type, header));
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
    @Override
    public OasstClient forUser(User user) {
        Objects.requireNonNull(user, "user must not be null");
        return new OasstClient(core, user);
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
        return core.version.get();
    }

    /** The backend's base URL, without a trailing slash. */
    public String baseUrl() {
        return core.baseUrl;
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
        return core.feign;
    }

    /** What runs the client's calls, for {@link OasstFeign#capability(OasstClient)}. */
    Retrier retrier() {
        return core.retrier;
    }

    /**
     * The Resilience4j Retry of an operation, to observe its events ({@code
     * retry(FETCH_TASK).getEventPublisher().onRetry(...)}) or read its metrics.
     */
    public Retry retry(OasstOperation operation) {
        return core.retrier.retry(Objects.requireNonNull(operation, "operation must not be null"));
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
        if (user == null) { // a view owns nothing
            core.close();
        }
    }

    @Override
    public String toString() {
        return "OasstClient[baseUrl=" + core.baseUrl
                + (user == null ? "" : ", user=" + user.authMethod() + ":" + user.id()) + ", apiKey=<redacted>]";
    }

    /** The OkHttp client the client created and closes, null when the caller gave one. */
    okhttp3.@Nullable OkHttpClient ownedHttpClient() {
        return core.ownedHttpClient;
    }
}
