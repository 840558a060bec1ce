package io.github.oasst.client;

import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.api.OasstUserHeader;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The task methods of {@link OasstClient}, blocking and asynchronous, for the client itself or one
 * of its per-user views: each through the view's Feign clients of the tasks API, made at their
 * first use with the view's user header.
 */
abstract sealed class TaskOperations permits OasstClient {
    final ClientCore core;
    /** The user of a per-user view, null for the client itself. */
    final @Nullable User user;
    /** The value of the view's user header, null for the client itself. */
    final @Nullable String userHeader;

    private final Lazy<OasstTasksApi> api;
    private final Lazy<OasstTasksAsyncApi> asyncApi;

    TaskOperations(ClientCore core, @Nullable User user) {
        this.core = core;
        this.user = user;
        String header = user == null ? null : OasstUserHeader.value(user, "user");
        this.userHeader = header;
        this.api = new Lazy<>(() -> core.feign.create(OasstTasksApi.class, header));
        this.asyncApi = new Lazy<>(() -> core.feign.createAsync(OasstTasksAsyncApi.class, header));
    }

    /** A view of this client for one user; see {@link OasstClient#forUser(User)}. */
    public abstract OasstClient forUser(User user);

    /**
     * The Feign client of the tasks API that this client's blocking methods call, for code written
     * against {@link OasstTasksApi}: the same path, retries, reconciliation and exceptions.
     */
    public OasstTasksApi tasksApi() {
        return api.get();
    }

    /**
     * The {@code AsyncFeign} client of the tasks API that this client's asynchronous methods call,
     * for code written against {@link OasstTasksAsyncApi}: OkHttp's asynchronous calls, the same
     * retries, the client's exceptions unwrapped in its futures.
     */
    public OasstTasksAsyncApi tasksAsyncApi() {
        return asyncApi.get();
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
        return core.expect(kind, tasksApi().requestTask(ClientCore.taskRequest(kind, user, options)));
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
        TaskRequest request = ClientCore.taskRequest(kind, user, options);
        return Futures.map(tasksAsyncApi().requestTask(request), task -> core.expect(kind, task));
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
        if (core.needsServerVersion()) {
            core.version.tryToLearn(); // whether a repeat after a lost answer is safe depends on it
        }
        tasksApi().postInteraction(interaction);
    }

    /** Asynchronous {@link #postInteraction(Interaction)}. */
    public CompletableFuture<Void> postInteractionAsync(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        OasstTasksAsyncApi async = tasksAsyncApi();
        if (!core.needsServerVersion()) {
            return async.postInteraction(interaction);
        }
        return Futures.compose(core.version.tryToLearnAsync(), known -> async.postInteraction(interaction));
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
}
