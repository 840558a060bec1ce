package io.github.oasst.client.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@link OasstTasksApi}, asynchronous: the same requests, for Feign's {@code AsyncFeign}. Each
 * method returns at once; its future completes with the answer or fails with the same {@link
 * OasstException} the blocking method throws (with the client's capability installed).
 */
@Headers("Content-Type: application/json")
public interface OasstTasksAsyncApi {

    /** {@link OasstTasksApi#requestTask(TaskRequest)}. */
    @RequestLine(value = "POST /api/v1/tasks/", decodeSlash = false)
    CompletableFuture<Task> requestTask(TaskRequest request);

    /** {@link OasstTasksApi#ackTask(UUID, TaskAck)}. */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/ack", decodeSlash = false)
    CompletableFuture<Void> ackTask(@Param("taskId") UUID taskId, TaskAck ack);

    /** {@link OasstTasksApi#ackTask(UUID, TaskAck, User)}. */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/ack", decodeSlash = false)
    @Headers(OasstUserHeader.NAME + ": {user}")
    CompletableFuture<Void> ackTask(
            @Param("taskId") UUID taskId,
            TaskAck ack,
            @Param(value = "user", expander = OasstUserHeader.class) User user);

    /** {@link OasstTasksApi#nackTask(UUID, TaskNAck)}. */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/nack", decodeSlash = false)
    CompletableFuture<Void> nackTask(@Param("taskId") UUID taskId, TaskNAck nack);

    /** {@link OasstTasksApi#nackTask(UUID, TaskNAck, User)}. */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/nack", decodeSlash = false)
    @Headers(OasstUserHeader.NAME + ": {user}")
    CompletableFuture<Void> nackTask(
            @Param("taskId") UUID taskId,
            TaskNAck nack,
            @Param(value = "user", expander = OasstUserHeader.class) User user);

    /** {@link OasstTasksApi#postInteraction(Interaction)}. */
    @RequestLine(value = "POST /api/v1/tasks/interaction", decodeSlash = false)
    CompletableFuture<Void> postInteraction(Interaction interaction);

    /** {@link OasstTasksApi#closeTask(TaskClose)}. */
    @RequestLine(value = "POST /api/v1/tasks/close", decodeSlash = false)
    CompletableFuture<Void> closeTask(TaskClose close);

    /** {@link OasstTasksApi#taskAvailability(String, User)}. */
    @RequestLine(value = "POST /api/v1/tasks/availability?lang={lang}", decodeSlash = false)
    CompletableFuture<Map<String, Integer>> taskAvailability(
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang, User user);
}
