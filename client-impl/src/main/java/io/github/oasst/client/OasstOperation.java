package io.github.oasst.client;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/** The operations of the tasks API, the unit the retry policy decides on. */
public enum OasstOperation {
    /** Fetching a task. Retrying after an ambiguous failure is safe: an unused task simply expires. */
    FETCH_TASK("requestTask"),
    /** Acknowledging a task; a repeat answers 2103, which after an ambiguous attempt means done. */
    ACK_TASK("ackTask"),
    /** Rejecting a task; a repeat answers 2103, which after an ambiguous attempt means done. */
    NACK_TASK("nackTask"),
    /** Posting an interaction; a repeat may store the answer twice, so it is not retried when ambiguous. */
    POST_INTERACTION("postInteraction"),
    /** Closing a collective task; a repeat answers 2105, which after an ambiguous attempt means done. */
    CLOSE_TASK("closeTask"),
    /** Asking how many tasks are available (servers from 2023-02 on); reads only. */
    TASK_AVAILABILITY("taskAvailability");

    private final String methodName;

    OasstOperation(String methodName) {
        this.methodName = methodName;
    }

    /**
     * The operation of a method of {@link io.github.oasst.client.api.OasstTasksApi}, also when a
     * sub-interface redeclares it; null for other methods.
     */
    static @Nullable OasstOperation of(Method method) {
        if (!io.github.oasst.client.api.OasstTasksApi.class.isAssignableFrom(method.getDeclaringClass())) {
            return null;
        }
        for (OasstOperation operation : values()) {
            if (operation.methodName.equals(method.getName())) {
                return operation;
            }
        }
        return null;
    }
}
