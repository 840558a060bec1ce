package io.github.oasst.client.internal.retry;

import io.github.oasst.client.OasstOperation;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import java.lang.reflect.Method;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Which operation a method of the tasks API is, for the retry policy. */
final class Operations {
    private static final Map<String, OasstOperation> BY_METHOD = Map.of(
            "requestTask", OasstOperation.FETCH_TASK,
            "ackTask", OasstOperation.ACK_TASK,
            "nackTask", OasstOperation.NACK_TASK,
            "postInteraction", OasstOperation.POST_INTERACTION,
            "closeTask", OasstOperation.CLOSE_TASK,
            "taskAvailability", OasstOperation.TASK_AVAILABILITY);

    private Operations() {}

    /**
     * The operation of a method of {@link OasstTasksApi} or {@link OasstTasksAsyncApi}, also when a
     * sub-interface (a Spring {@code @FeignClient}) redeclares it; null for other methods.
     */
    static @Nullable OasstOperation of(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        if (!OasstTasksApi.class.isAssignableFrom(declaring) && !OasstTasksAsyncApi.class.isAssignableFrom(declaring)) {
            return null;
        }
        return BY_METHOD.get(method.getName());
    }
}
