package io.github.oasst.client.internal.feign;

import feign.RequestLine;
import io.github.oasst.client.api.Idempotent;
import io.github.oasst.client.api.OasstFrontendMessagesApi;
import io.github.oasst.client.api.OasstFrontendUsersApi;
import io.github.oasst.client.api.OasstHuggingFaceApi;
import io.github.oasst.client.api.OasstLeaderboardsApi;
import io.github.oasst.client.api.OasstMessagesApi;
import io.github.oasst.client.api.OasstStatsApi;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.api.OasstTextLabelsApi;
import io.github.oasst.client.api.OasstTrollboardsApi;
import io.github.oasst.client.api.OasstUsersApi;
import io.github.oasst.client.retry.OasstOperation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Which operation a method of the client's interfaces is, for the retry policy. */
final class Operations {
    private static final Map<String, OasstOperation> TASKS = Map.of(
            "requestTask", OasstOperation.FETCH_TASK,
            "ackTask", OasstOperation.ACK_TASK,
            "nackTask", OasstOperation.NACK_TASK,
            "postInteraction", OasstOperation.POST_INTERACTION,
            "closeTask", OasstOperation.CLOSE_TASK,
            "taskAvailability", OasstOperation.TASK_AVAILABILITY);

    /** The interfaces of the rest of the API, whose methods are classed by HTTP method. */
    private static final List<Class<?>> OTHERS = List.of(
            OasstMessagesApi.class,
            OasstFrontendMessagesApi.class,
            OasstUsersApi.class,
            OasstFrontendUsersApi.class,
            OasstStatsApi.class,
            OasstLeaderboardsApi.class,
            OasstTrollboardsApi.class,
            OasstTextLabelsApi.class,
            OasstHuggingFaceApi.class);

    private Operations() {}

    /**
     * The operation of a method of the client's interfaces, also when a sub-interface (a Spring
     * {@code @FeignClient}) redeclares it; null for other methods. Outside the tasks API: a {@code
     * GET} is {@link OasstOperation#READ}, a write marked {@link Idempotent} {@link
     * OasstOperation#IDEMPOTENT_WRITE}, any other write {@link OasstOperation#WRITE}.
     */
    static @Nullable OasstOperation of(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        if (OasstTasksApi.class.isAssignableFrom(declaring) || OasstTasksAsyncApi.class.isAssignableFrom(declaring)) {
            return TASKS.get(method.getName());
        }
        if (OTHERS.stream().noneMatch(api -> api.isAssignableFrom(declaring))) {
            return null;
        }
        RequestLine line = method.getAnnotation(RequestLine.class);
        if (line == null) {
            return null;
        }
        if (line.value().startsWith("GET ")) {
            return OasstOperation.READ;
        }
        return method.isAnnotationPresent(Idempotent.class) ? OasstOperation.IDEMPOTENT_WRITE : OasstOperation.WRITE;
    }
}
