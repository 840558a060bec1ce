package io.github.oasst.client;

import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.internal.http.FeignOptions;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.jspecify.annotations.Nullable;

/**
 * What a client and its per-user views share: the Feign components every call goes through, the
 * retrier, the backend's version, and what the client created and releases when it is closed (its
 * scheduler, its OkHttp client), never what the caller passed in.
 */
final class ClientCore {
    final String baseUrl;
    final String tasksPath;
    final TasksFeign feign;
    final Retrier retrier;
    final KnownVersion version;
    /** The OkHttp client the client created and closes, null when the caller gave one. */
    final okhttp3.@Nullable OkHttpClient ownedHttpClient;

    private final @Nullable ScheduledExecutorService ownedScheduler;
    private volatile boolean closed;

    ClientCore(OasstClientBuilder builder, String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        okhttp3.OkHttpClient http = builder.httpClient();
        this.ownedHttpClient = builder.okHttpClient == null ? http : null;
        ScheduledExecutorService scheduler = builder.scheduler == null ? ownScheduler() : builder.scheduler;
        this.ownedScheduler = builder.scheduler == null ? scheduler : null;

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
    }

    /**
     * Ends the calls in progress and refuses new ones, then releases what the client created: its
     * scheduler, its OkHttp client's dispatcher and pool. Idempotent.
     */
    void close() {
        if (closed) {
            return;
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

    /**
     * Whether an interaction's retries depend on the server's version, not known yet: the policy
     * retries interactions, and those repeated after a lost answer by the server's version.
     */
    boolean needsServerVersion() {
        RetryPolicy policy = retrier.policy();
        return version.ifKnown() == null
                && policy.ambiguousInteractionsFollowServerVersion()
                && policy.maxAttempts() > 1
                && policy.operations().contains(OasstOperation.POST_INTERACTION);
    }

    static TaskRequest taskRequest(TaskKind<?> kind, @Nullable User user, FetchOptions options) {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return new TaskRequest(kind.requestType(), user, options.collective(), options.lang());
    }

    /** The task as the kind's class; fails when the server answered another type or {@code task_done}. */
    <T extends Task> T expect(TaskKind<T> kind, Task task) {
        if (kind.isAnsweredBy(task)) {
            return kind.taskClass().cast(task);
        }
        throw new OasstUnexpectedTaskException(kind, task, "POST", tasksPath);
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
}
