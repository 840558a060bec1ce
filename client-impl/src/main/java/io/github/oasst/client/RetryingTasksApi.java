package io.github.oasst.client;

import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Runs each call of a single-attempt {@link OasstTasksApi} under the {@link Retrier}, as {@link
 * OasstFeignDecorator} does for Feign clients: {@link #postInteraction} and {@link #closeTask} return
 * null when a retry was reconciled.
 */
final class RetryingTasksApi implements OasstTasksApi {
    private final OasstTasksApi attempts;
    private final Retrier retrier;

    RetryingTasksApi(OasstTasksApi attempts, Retrier retrier) {
        this.attempts = attempts;
        this.retrier = retrier;
    }

    @Override
    public Task requestTask(TaskRequest request) {
        return run(OasstOperation.FETCH_TASK, () -> attempts.requestTask(request));
    }

    @Override
    public void ackTask(UUID taskId, TaskAck ack) {
        run(OasstOperation.ACK_TASK, () -> {
            attempts.ackTask(taskId, ack);
            return null;
        });
    }

    @Override
    public void nackTask(UUID taskId, TaskNAck nack) {
        run(OasstOperation.NACK_TASK, () -> {
            attempts.nackTask(taskId, nack);
            return null;
        });
    }

    @Override
    public Task postInteraction(Interaction interaction) {
        return run(OasstOperation.POST_INTERACTION, () -> attempts.postInteraction(interaction));
    }

    @Override
    public Task closeTask(TaskClose close) {
        return run(OasstOperation.CLOSE_TASK, () -> attempts.closeTask(close));
    }

    @Override
    public Map<String, Integer> taskAvailability(@Nullable String lang, User user) {
        return run(OasstOperation.TASK_AVAILABILITY, () -> attempts.taskAvailability(lang, user));
    }

    @SuppressWarnings("unchecked")
    private <T> T run(OasstOperation operation, Retrier.Attempt<T> attempt) {
        try {
            return (T) retrier.executeSync(operation, attempt);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // the attempts throw no checked exception
            throw new UndeclaredThrowableException(checked);
        }
    }

    @Override
    public String toString() {
        return "RetryingTasksApi[" + attempts + "]";
    }
}
