package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import io.github.oasst.spring.boot.OasstProperties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The API key in no log line, with Feign's log at FULL and the client's loggers at DEBUG, over a
 * round played at startup, calls of the interface and of the client, a retried call and a failed
 * one; nor in the properties' or the client's toString.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        properties = {
            "oasst.round.task-type=initial_prompt",
            "oasst.retry.initial-backoff=5ms",
            "oasst.retry.max-backoff=20ms",
            "oasst.log-level=full",
            "logging.level.io.github.oasst=debug",
            "logging.level.org.springframework.cloud.openfeign=debug"
        })
@WithFakeOasstBackend(apiKey = ApiKeyRedactionTest.API_KEY)
class ApiKeyRedactionTest {
    static final String API_KEY = "oasst-secret-5d0c7e31-9b2a-4f6e-8c1d-2a7b9e4f0c63";

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    FrontendTasks tasks;

    @Autowired
    OasstProperties properties;

    @Autowired
    OasstClient client;

    @Test
    void keyIsInNoLogLineWhileEveryRequestIsLoggedInFull(CapturedOutput output) {
        backend.injectFault(1, "/api/v1/tasks/", InjectedFault.status(503));
        tasks.fetchTask(TaskRequestType.ASSISTANT_REPLY, User.local("u1", "Carol"));
        client.fetchTask(TaskKind.INITIAL_PROMPT, User.local("u1", "Carol"));
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> tasks.ackTask(unknown, "frontend-message-9")).isInstanceOf(OasstError.class);

        // the key was sent, and the round at startup, the retry and the failure were all logged
        assertThat(backend.received())
                .allSatisfy(request -> assertThat(request.header("X-API-Key")).isEqualTo(API_KEY));
        assertThat(output.getAll())
                .contains("Round done: answered a initial_prompt task")
                .contains("---> POST " + backend.baseUrl() + "/api/v1/tasks/ HTTP/1.1")
                .contains("User-Agent: oasst-spring-cloud-example")
                .contains("\"type\":\"assistant_reply\"")
                .contains("<--- HTTP/1.1 503")
                .contains("FETCH_TASK: attempt 1 failed, retrying in")
                .contains("<--- HTTP/1.1 404")
                .doesNotContain(API_KEY)
                .doesNotContainIgnoringCase("X-API-Key:");
    }

    @Test
    void propertiesNeverShowTheKey() {
        assertThat(properties.getApiKey()).isEqualTo(API_KEY);
        assertThat(properties.toString()).doesNotContain(API_KEY).contains("apiKey=<redacted>");
        assertThat(client.toString()).doesNotContain(API_KEY);
    }
}
