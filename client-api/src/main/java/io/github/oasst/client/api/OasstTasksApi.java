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
import org.jspecify.annotations.Nullable;

/**
 * The OASST backend's tasks API ({@code /api/v1/tasks/…}) as an OpenFeign interface, for Feign's
 * default contract.
 *
 * <p>Every method sends JSON ({@code Content-Type: application/json}) and needs the {@code X-API-Key} header, which the client's request
 * interceptor adds. A non-2xx answer raises {@link OasstError}; a network failure {@link
 * OasstTransportException}; a 2xx body that cannot be decoded {@link OasstDecodeException} (with the
 * client's error decoder, decoder and capability installed).
 */
@Headers("Content-Type: application/json")
public interface OasstTasksApi {

    /**
     * Asks for a task ({@code POST /api/v1/tasks/}, with the trailing slash: without it the server
     * answers 307).
     *
     * @return the task, {@link io.github.oasst.client.protocol.TaskDone} if none is available, or an
     *     {@link io.github.oasst.client.protocol.UnknownTask} of a newer type
     */
    @RequestLine(value = "POST /api/v1/tasks/", decodeSlash = false)
    Task requestTask(TaskRequest request);

    /** Acknowledges a task, binding it to the frontend's message id; the server answers 204. */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/ack", decodeSlash = false)
    void ackTask(@Param("taskId") UUID taskId, TaskAck ack);

    /**
     * Acknowledges a task on behalf of a user, naming them in {@value OasstUserHeader#NAME} (a
     * 2023-05 server accepts an ack without; with a user it does not know it answers 404 {@code
     * USER_NOT_FOUND}).
     */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/ack", decodeSlash = false)
    @Headers(OasstUserHeader.NAME + ": {user}")
    void ackTask(
            @Param("taskId") UUID taskId,
            TaskAck ack,
            @Param(value = "user", expander = OasstUserHeader.class) User user);

    /**
     * Rejects a task; the server answers 204. A 2023-05 server needs the task's user: {@link
     * #nackTask(UUID, TaskNAck, User)}.
     */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/nack", decodeSlash = false)
    void nackTask(@Param("taskId") UUID taskId, TaskNAck nack);

    /**
     * Rejects a task on behalf of its user, named in {@value OasstUserHeader#NAME}: a 2023-05 server
     * refuses a nack without (400 {@code USER_NOT_SPECIFIED}) and for another user than the task's
     * (400 {@code TASK_NOT_ASSIGNED_TO_USER}); a 2023-01 server ignores the header.
     */
    @RequestLine(value = "POST /api/v1/tasks/{taskId}/nack", decodeSlash = false)
    @Headers(OasstUserHeader.NAME + ": {user}")
    void nackTask(
            @Param("taskId") UUID taskId,
            TaskNAck nack,
            @Param(value = "user", expander = OasstUserHeader.class) User user);

    /**
     * Posts the user's answer to an acknowledged task. Any 2xx answer means accepted; its body (a
     * {@code task_done} with a server-generated id, in both published schemas) carries nothing more
     * and is not read.
     */
    @RequestLine(value = "POST /api/v1/tasks/interaction", decodeSlash = false)
    void postInteraction(Interaction interaction);

    /** Closes a collective task; any 2xx answer means closed (its body is not read). */
    @RequestLine(value = "POST /api/v1/tasks/close", decodeSlash = false)
    void closeTask(TaskClose close);

    /**
     * How many tasks of each request type the user could get ({@code POST
     * /api/v1/tasks/availability}, servers from 2023-02 on; a 2023-01 server answers 404).
     *
     * @param lang the language, sent as the {@code lang} query parameter when not null
     * @return the count per request type wire name
     */
    @RequestLine(value = "POST /api/v1/tasks/availability?lang={lang}", decodeSlash = false)
    Map<String, Integer> taskAvailability(
            @Param(value = "lang", expander = QueryValue.class) @Nullable String lang, User user);
}
