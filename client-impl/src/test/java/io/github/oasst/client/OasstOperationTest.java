package io.github.oasst.client;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OasstOperationTest {
    /** An application's interface that redeclares a method and adds one of its own. */
    interface CustomTasksApi extends OasstTasksApi {
        @Override
        @RequestLine("POST /api/v1/tasks/{taskId}/ack")
        void ackTask(@Param("taskId") UUID taskId, TaskAck ack);

        @RequestLine("GET /health")
        String health();
    }

    @Test
    void methodsOfTheTasksApiAndRedeclaredOnesHaveTheirOperation() throws Exception {
        assertThat(OasstOperation.of(OasstTasksApi.class.getMethod("requestTask", TaskRequest.class)))
                .isEqualTo(OasstOperation.FETCH_TASK);
        assertThat(OasstOperation.of(CustomTasksApi.class.getMethod("ackTask", UUID.class, TaskAck.class)))
                .isEqualTo(OasstOperation.ACK_TASK);
    }

    @Test
    void otherMethodsHaveNone() throws Exception {
        assertThat(OasstOperation.of(CustomTasksApi.class.getMethod("health"))).isNull();
        assertThat(OasstOperation.of(Object.class.getMethod("toString"))).isNull();
    }
}
