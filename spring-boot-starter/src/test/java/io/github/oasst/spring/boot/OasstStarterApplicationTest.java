package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Boot application with the starter, two properties and what a service has on its class path
 * (actuator, Micrometer Tracing with OpenTelemetry, Resilience4j's starter), against the fake
 * backend that {@link WithFakeOasstBackend} starts and configures.
 */
@SpringBootTest(
        classes = StarterApplication.class,
        properties = {
            "oasst.log-level=full",
            "logging.level.io.github.oasst.client.http=DEBUG",
            "resilience4j.retry.instances.oasst-fetch-task.max-attempts=4",
            "resilience4j.retry.instances.oasst-fetch-task.wait-duration=5ms",
            "oasst.retry.max-attempts=2",
            "oasst.retry.initial-backoff=5ms",
            "management.endpoint.configprops.show-values=always",
            "management.endpoint.env.show-values=always",
            "management.endpoints.access.default=read-only",
            "spring.jmx.enabled=true",
            "management.endpoints.jmx.exposure.include=*"
        })
@WithFakeOasstBackend(apiKey = OasstStarterApplicationTest.API_KEY)
@ExtendWith(OutputCaptureExtension.class)
class OasstStarterApplicationTest {
    static final String API_KEY = "starter-secret-key-4821";
    private static final User USER = User.local("starter", "Starter");

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    OasstClient client;

    @Autowired
    OasstTasksApi tasks;

    @Autowired
    io.github.oasst.client.api.OasstStatsApi stats;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FrontendService service;

    @Autowired
    OasstHealthIndicator health;

    @Autowired
    ConfigurationPropertiesReportEndpoint configprops;

    @Autowired
    EnvironmentEndpoint env;

    @Test
    void theInjectedClientAndInterfaceRunATaskAndAreTimed() {
        Task task = tasks.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));
        tasks.ackTask(task.id(), new TaskAck("starter-1"));
        client.postInteraction(TextReplyToMessage.of(USER, "starter-1", "starter-2", "How do tides work?"));
        assertThatThrownBy(() -> client.ackTask(UUID.randomUUID(), "starter-3")).isInstanceOf(OasstError.class);

        Timer fetched = meters.get("oasst.client.calls")
                .tags("operation", "fetch-task", "outcome", "succeeded", "status", "2xx", "error.code", "none")
                .timer();
        Timer refused = meters.get("oasst.client.calls")
                .tags("operation", "ack-task", "outcome", "failed", "status", "404", "error.code", "TASK_NOT_FOUND")
                .timer();
        assertThat(fetched.count()).isGreaterThanOrEqualTo(1);
        assertThat(refused.count()).isEqualTo(1);
        assertThat(meters.get("resilience4j.retry.calls")
                        .tag("name", "oasst-ack-task")
                        .meters())
                .isNotEmpty();
        assertThat(health.health().getStatus())
                .as("a 404 is the backend working")
                .isEqualTo(Status.UP);
    }

    @Test
    void theServiceOfTheReadmeRunsOnTheInjectedClient() {
        UUID task = service.firstPrompt(USER, "readme-1", "What makes a good first prompt?");

        assertThat(backend.tasks())
                .filteredOn(fake -> fake.id().equals(task))
                .singleElement()
                .satisfies(fake -> {
                    assertThat(fake.frontendMessageId()).isEqualTo("readme-1");
                    assertThat(fake.answersStored()).isEqualTo(1);
                });
    }

    @Test
    void theInterfacesOfTheRestOfTheApiAreInjectedAndRetriedAsReads() {
        backend.injectFault(1, "/api/v1/stats/", InjectedFault.connectionReset());

        assertThat(stats.getStats().all()).isNotNegative();
        assertThat(meters.get("oasst.client.calls")
                        .tags("operation", "read", "outcome", "succeeded")
                        .timer()
                        .count())
                .isPositive();
        assertThat(backend.requestCount("/api/v1/stats/"))
                .as("the read was retried")
                .isEqualTo(2);
    }

    @Test
    void resilience4jsPropertiesSetTheAttemptsOfTheirOperationAndTheClientsRulesStay() {
        backend.injectFault(3, "/api/v1/tasks/", InjectedFault.status(503));
        long before = backend.requestCount("/api/v1/tasks/");

        InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(task).isNotNull();
        assertThat(backend.requestCount("/api/v1/tasks/") - before)
                .as("resilience4j.retry.instances.oasst-fetch-task.max-attempts=4")
                .isEqualTo(4);
        backend.injectFault(1, "/api/v1/tasks/", InjectedFault.status(400, "{\"error_code\":1000,\"message\":\"x\"}"));
        long then = backend.requestCount("/api/v1/tasks/");
        assertThatThrownBy(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                .isInstanceOf(OasstError.class);
        assertThat(backend.requestCount("/api/v1/tasks/") - then)
                .as("a definite error is not retried, though Resilience4j's default would")
                .isEqualTo(1);

        String ack = "/api/v1/tasks/" + task.id() + "/ack";
        backend.injectFault(2, ack, InjectedFault.status(503));
        assertThatThrownBy(() -> client.ackTask(task.id(), "starter-ack")).isInstanceOf(OasstError.class);
        assertThat(backend.requestCount(ack))
                .as("no resilience4j.retry.instances.oasst-ack-task: oasst.retry.max-attempts=2")
                .isEqualTo(2);
    }

    @Test
    void theKeyIsInNoActuatorEndpointAndNoLogLine(CapturedOutput output) {
        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        JsonMapper json = JsonMapper.builder().build();
        String properties = json.writeValueAsString(configprops.configurationProperties());
        String environment = json.writeValueAsString(env.environment(null));
        assertThat(properties).contains("oasst.").contains("baseUrl").doesNotContain(API_KEY);
        assertThat(environment).contains("oasst.base-url").doesNotContain(API_KEY);
        assertThat(output.getAll())
                .as("Feign's log at FULL, without the key")
                .contains("---> POST " + backend.baseUrl() + "/api/v1/tasks/")
                .doesNotContain(API_KEY);
    }

    @Test
    void theHealthIndicatorIsUpAfterCallsWentThrough() {
        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsKeys("lastSuccess", "circuitBreaker");
    }
}
