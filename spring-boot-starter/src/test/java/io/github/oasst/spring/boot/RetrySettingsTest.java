package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One rule for the retry settings, with and without Resilience4j's Spring Boot starter: {@code
 * oasst.retry.*} always take effect; an operation whose Retry the application configured in {@code
 * resilience4j.retry.instances} follows that one, with the client's rules of what is retried;
 * {@code oasst.retry.enabled=false} is one attempt whatever else is set. Request counts come from
 * the fake backend's journal.
 */
@ExtendWith({FakeOasstBackendExtension.class, OutputCaptureExtension.class})
class RetrySettingsTest {
    private static final User USER = User.local("retries", "Retries");
    private static final String TASKS = "/api/v1/tasks/";

    private static ApplicationContextRunner application(FakeOasstBackend backend, boolean resilience4jStarter) {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withPropertyValues(
                        "oasst.base-url=" + backend.baseUrl(),
                        "oasst.api-key=" + backend.apiKey(),
                        "oasst.retry.initial-backoff=1ms",
                        "oasst.retry.max-backoff=5ms",
                        "resilience4j.retry.configs.default.wait-duration=1ms");
        return resilience4jStarter
                ? runner.withConfiguration(AutoConfigurations.of(
                        RetryAutoConfiguration.class,
                        CircuitBreakerAutoConfiguration.class,
                        OasstAutoConfiguration.class))
                : runner.withConfiguration(AutoConfigurations.of(OasstAutoConfiguration.class));
    }

    @ParameterizedTest(name = "with Resilience4j''s starter: {0}")
    @ValueSource(booleans = {false, true})
    void theAttemptsOfTheOasstPropertiesApply(boolean resilience4jStarter, FakeOasstBackend backend) {
        application(backend, resilience4jStarter)
                .withPropertyValues("oasst.retry.max-attempts=5")
                .run(context -> {
                    assertThat(context.containsBean("retryRegistry")).isEqualTo(resilience4jStarter);
                    backend.injectFault(4, TASKS, InjectedFault.status(503));

                    context.getBean(OasstClient.class).fetchTask(TaskKind.INITIAL_PROMPT, USER);

                    assertThat(backend.requestCount(TASKS)).isEqualTo(5);
                    assertThat(context.getBean(OasstResilience.class).retrySources())
                            .hasSize(OasstOperation.values().length)
                            .allSatisfy(
                                    (operation, source) -> assertThat(source).isEqualTo("oasst.retry"));
                });
    }

    @ParameterizedTest(name = "with Resilience4j''s starter: {0}")
    @ValueSource(booleans = {false, true})
    void retriesOffIsOneAttemptWhateverElseIsSet(boolean resilience4jStarter, FakeOasstBackend backend) {
        application(backend, resilience4jStarter)
                .withPropertyValues(
                        "oasst.retry.enabled=false", "resilience4j.retry.instances.oasst-fetch-task.max-attempts=4")
                .run(context -> {
                    backend.injectFault(1, TASKS, InjectedFault.status(503));
                    OasstClient client = context.getBean(OasstClient.class);

                    assertThatThrownBy(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                            .isInstanceOf(OasstError.class);
                    assertThat(backend.requestCount(TASKS)).isEqualTo(1);
                    assertThat(client.retry(OasstOperation.FETCH_TASK)
                                    .getRetryConfig()
                                    .getMaxAttempts())
                            .isEqualTo(1);
                    assertThat(context.getBean(OasstResilience.class).retrySources())
                            .containsEntry(OasstOperation.FETCH_TASK, "oasst.retry.enabled=false");
                });
    }

    @Test
    void anInstanceConfiguredInResilience4jWinsForItsOperationAndKeepsTheClientsRules(FakeOasstBackend backend) {
        application(backend, true)
                .withPropertyValues(
                        "oasst.retry.max-attempts=2",
                        "resilience4j.retry.instances.oasst-fetch-task.max-attempts=4",
                        "resilience4j.retry.instances.oasst-fetch-task.wait-duration=1ms")
                .run(context -> {
                    OasstClient client = context.getBean(OasstClient.class);
                    RetryRegistry registry = context.getBean(RetryRegistry.class);
                    assertThat(client.retry(OasstOperation.FETCH_TASK)).isSameAs(registry.retry("oasst-fetch-task"));

                    backend.injectFault(3, TASKS, InjectedFault.status(503));
                    InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
                    assertThat(backend.requestCount(TASKS))
                            .as("Resilience4j's 4 attempts")
                            .isEqualTo(4);

                    String ack = TASKS + task.id() + "/ack";
                    backend.injectFault(2, ack, InjectedFault.status(503));
                    assertThatThrownBy(() -> client.ackTask(task.id(), "retries-1"))
                            .isInstanceOf(OasstError.class);
                    assertThat(backend.requestCount(ack))
                            .as("oasst.retry.max-attempts=2")
                            .isEqualTo(2);

                    backend.injectFault(1, TASKS, InjectedFault.status(400, "{\"error_code\":1000,\"message\":\"x\"}"));
                    long before = backend.requestCount(TASKS);
                    assertThatThrownBy(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                            .isInstanceOf(OasstError.class);
                    assertThat(backend.requestCount(TASKS) - before)
                            .as("a definite error is not retried, though Resilience4j's own predicate would")
                            .isEqualTo(1);
                    assertThat(context.getBean(OasstResilience.class).retrySources())
                            .containsEntry(OasstOperation.FETCH_TASK, "resilience4j.retry.instances.oasst-fetch-task")
                            .containsEntry(OasstOperation.ACK_TASK, "oasst.retry");
                });
    }

    @Test
    void theClientsBackoffAndDeadlineApplyBesideResilience4jsStarter(FakeOasstBackend backend) {
        application(backend, true)
                .withPropertyValues(
                        "oasst.retry.initial-backoff=200ms",
                        "oasst.retry.max-backoff=1s",
                        "oasst.retry.jitter=0",
                        "oasst.retry.deadline=100ms")
                .run(context -> {
                    backend.injectFault(1, TASKS, InjectedFault.status(503));

                    assertThatThrownBy(
                                    () -> context.getBean(OasstClient.class).fetchTask(TaskKind.INITIAL_PROMPT, USER))
                            .isInstanceOf(OasstError.class);
                    assertThat(backend.requestCount(TASKS))
                            .as("a 200 ms wait would pass the 100 ms deadline; Resilience4j's default would wait"
                                    + " 500 ms and try 3 times")
                            .isEqualTo(1);
                });
    }

    @Test
    void whichSourceAppliesToWhichOperationIsLoggedOnceAndShownInInfo(FakeOasstBackend backend, CapturedOutput output) {
        application(backend, true)
                .withPropertyValues("resilience4j.retry.instances.oasst-ack-task.max-attempts=4")
                .run(context -> {
                    assertThat(output.getAll())
                            .containsOnlyOnce("OASST client retries: oasst.retry (3 attempts, waits from PT0.001S"
                                    + " times 2.0 up to PT0.005S, deadline PT30S) for fetch-task, nack-task,")
                            .containsOnlyOnce("; resilience4j.retry.instances.oasst-ack-task (its attempts and waits;"
                                    + " the client's rules of what is retried, deadline PT30S) for ack-task");

                    Info.Builder info = new Info.Builder();
                    context.getBean("oasstInfoContributor", InfoContributor.class)
                            .contribute(info);
                    assertThat(info.build().getDetails().get("oasst"))
                            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                            .containsEntry("baseUrl", backend.baseUrl())
                            .extractingByKey("retries")
                            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                            .containsEntry(
                                    "ack-task",
                                    Map.of("source", "resilience4j.retry.instances.oasst-ack-task", "maxAttempts", 4))
                            .containsEntry("fetch-task", Map.of("source", "oasst.retry", "maxAttempts", 3));
                });
    }
}
