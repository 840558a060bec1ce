package io.github.oasst.client.internal.feign;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.api.Idempotent;
import io.github.oasst.client.api.OasstMessagesApi;
import io.github.oasst.client.api.OasstStatsApi;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTextLabelsApi;
import io.github.oasst.client.data.MessageEmojiRequest;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstOperation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationsTest {
    /** An application's interface that redeclares a method and adds one of its own. */
    interface CustomMessagesApi extends OasstMessagesApi {
        @RequestLine("GET /api/v1/messages/{messageId}/summary")
        String summary(@Param("messageId") UUID messageId);

        @Idempotent
        @RequestLine("PUT /api/v1/messages/{messageId}/pin")
        void pin(@Param("messageId") UUID messageId);

        @RequestLine("POST /api/v1/messages/{messageId}/note")
        void note(@Param("messageId") UUID messageId, String note);
    }

    interface CustomTasksApi extends OasstTasksApi {
        @Override
        @RequestLine("POST /api/v1/tasks/{taskId}/ack")
        void ackTask(@Param("taskId") UUID taskId, TaskAck ack);

        @RequestLine("GET /health")
        String health();
    }

    @Test
    void everyMethodOfTheTasksApiHasItsOperation() throws Exception {
        assertThat(Operations.of(OasstTasksApi.class.getMethod("requestTask", TaskRequest.class)))
                .isEqualTo(OasstOperation.FETCH_TASK);
        assertThat(Operations.of(OasstTasksApi.class.getMethod("ackTask", UUID.class, TaskAck.class)))
                .isEqualTo(OasstOperation.ACK_TASK);
        assertThat(Operations.of(OasstTasksApi.class.getMethod("nackTask", UUID.class, TaskNAck.class)))
                .isEqualTo(OasstOperation.NACK_TASK);
        assertThat(Operations.of(OasstTasksApi.class.getMethod("postInteraction", Interaction.class)))
                .isEqualTo(OasstOperation.POST_INTERACTION);
        assertThat(Operations.of(OasstTasksApi.class.getMethod("closeTask", TaskClose.class)))
                .isEqualTo(OasstOperation.CLOSE_TASK);
        assertThat(Operations.of(OasstTasksApi.class.getMethod("taskAvailability", String.class, User.class)))
                .isEqualTo(OasstOperation.TASK_AVAILABILITY);
        assertThat(Operations.of(OasstTasksApi.class.getMethod("nackTask", UUID.class, TaskNAck.class, User.class)))
                .as("the form naming the user is the same operation")
                .isEqualTo(OasstOperation.NACK_TASK);
        assertThat(Arrays.stream(OasstTasksApi.class.getMethods()).map(Operations::of))
                .as("no method without its operation")
                .containsExactlyInAnyOrder(
                        OasstOperation.FETCH_TASK,
                        OasstOperation.ACK_TASK,
                        OasstOperation.ACK_TASK,
                        OasstOperation.NACK_TASK,
                        OasstOperation.NACK_TASK,
                        OasstOperation.POST_INTERACTION,
                        OasstOperation.CLOSE_TASK,
                        OasstOperation.TASK_AVAILABILITY);
    }

    @Test
    void theAsyncInterfacesMethodsHaveTheSameOperations() throws Exception {
        for (Method method : io.github.oasst.client.api.OasstTasksAsyncApi.class.getMethods()) {
            Method blocking = OasstTasksApi.class.getMethod(method.getName(), method.getParameterTypes());
            assertThat(Operations.of(method)).as(method.getName()).isNotNull().isEqualTo(Operations.of(blocking));
        }
    }

    @Test
    void aRedeclaredMethodKeepsItsOperation() throws Exception {
        Method ack = CustomTasksApi.class.getMethod("ackTask", UUID.class, TaskAck.class);
        assertThat(Operations.of(ack)).isEqualTo(OasstOperation.ACK_TASK);
    }

    @Test
    void theRestOfTheApiIsClassedByHttpMethodAndIdempotence() throws Exception {
        assertThat(Operations.of(OasstMessagesApi.class.getMethod("getMessage", UUID.class)))
                .isEqualTo(OasstOperation.READ);
        assertThat(Operations.of(OasstMessagesApi.class.getMethod("deleteMessage", UUID.class)))
                .isEqualTo(OasstOperation.IDEMPOTENT_WRITE);
        assertThat(Operations.of(OasstMessagesApi.class.getMethod("postEmoji", UUID.class, MessageEmojiRequest.class)))
                .as("a toggle sent twice undoes itself")
                .isEqualTo(OasstOperation.WRITE);
        assertThat(Operations.of(OasstTextLabelsApi.class.getMethod("labelText", TextLabels.class)))
                .as("labels sent twice are stored twice")
                .isEqualTo(OasstOperation.WRITE);
        assertThat(Operations.of(OasstStatsApi.class.getMethod("updateCachedStats")))
                .as("a long recomputation: a repeat would start a second one")
                .isEqualTo(OasstOperation.WRITE);
    }

    @Test
    void anInterfaceThatExtendsOneOfTheRestOfTheApiHasItsOwnMethodsClassedToo() throws Exception {
        assertThat(Operations.of(CustomMessagesApi.class.getMethod("summary", UUID.class)))
                .isEqualTo(OasstOperation.READ);
        assertThat(Operations.of(CustomMessagesApi.class.getMethod("pin", UUID.class)))
                .isEqualTo(OasstOperation.IDEMPOTENT_WRITE);
        assertThat(Operations.of(CustomMessagesApi.class.getMethod("note", UUID.class, String.class)))
                .isEqualTo(OasstOperation.WRITE);
        assertThat(Operations.of(CustomMessagesApi.class.getMethod("getMessage", UUID.class)))
                .isEqualTo(OasstOperation.READ);
    }

    @Test
    void everyMethodOfTheRestOfTheApiHasAnOperationThatMatchesItsHttpMethod() {
        for (Class<?> api : List.of(
                OasstMessagesApi.class,
                io.github.oasst.client.api.OasstFrontendMessagesApi.class,
                io.github.oasst.client.api.OasstUsersApi.class,
                io.github.oasst.client.api.OasstFrontendUsersApi.class,
                OasstStatsApi.class,
                io.github.oasst.client.api.OasstLeaderboardsApi.class,
                io.github.oasst.client.api.OasstTrollboardsApi.class,
                OasstTextLabelsApi.class,
                io.github.oasst.client.api.OasstHuggingFaceApi.class)) {
            for (Method method : api.getMethods()) {
                String line = method.getAnnotation(RequestLine.class).value();
                OasstOperation operation = Operations.of(method);
                assertThat(operation)
                        .as("%s.%s", api.getSimpleName(), method.getName())
                        .isNotNull();
                assertThat(operation == OasstOperation.READ)
                        .as("%s: %s", method.getName(), line)
                        .isEqualTo(line.startsWith("GET "));
            }
        }
    }

    @Test
    void otherMethodsHaveNone() throws Exception {
        assertThat(Operations.of(CustomTasksApi.class.getMethod("health"))).isNull();
        assertThat(Operations.of(Object.class.getMethod("toString"))).isNull();
    }
}
