package io.github.oasst.client;

import io.github.oasst.client.api.OasstTasksApi;
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
 * Runs each call of a single-attempt {@link OasstTasksApi} under {@link OasstRetries}, as {@link
 * OasstFeignDecorator} does for Feign clients: {@link #postInteraction} and {@link #closeTask} return
 * null when a retry was reconciled.
 */
final class RetryingTasksApi implements OasstTasksApi {
    private final OasstTasksApi attempts;
    private final OasstRetries retries;

    RetryingTasksApi(OasstTasksApi attempts, OasstRetries retries) {
        this.attempts = attempts;
        this.retries = retries;
    }

    @Override
    public Task requestTask(TaskRequest request) {
        return retries.call(OasstOperation.FETCH_TASK, () -> attempts.requestTask(request));
    }

    @Override
    public void ackTask(UUID taskId, TaskAck ack) {
        retries.run(OasstOperation.ACK_TASK, () -> attempts.ackTask(taskId, ack));
    }

    @Override
    public void nackTask(UUID taskId, TaskNAck nack) {
        retries.run(OasstOperation.NACK_TASK, () -> attempts.nackTask(taskId, nack));
    }

    @Override
    public Task postInteraction(Interaction interaction) {
        return retries.call(OasstOperation.POST_INTERACTION, () -> attempts.postInteraction(interaction));
    }

    @Override
    public Task closeTask(TaskClose close) {
        return retries.call(OasstOperation.CLOSE_TASK, () -> attempts.closeTask(close));
    }

    @Override
    public Map<String, Integer> taskAvailability(@Nullable String lang, User user) {
        return retries.call(OasstOperation.TASK_AVAILABILITY, () -> attempts.taskAvailability(lang, user));
    }

    @Override
    public String toString() {
        return "RetryingTasksApi[" + attempts + "]";
    }
}
