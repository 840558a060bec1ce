package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import feign.Feign;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.OasstResilience4j;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guide's Java code for Resilience4j registries (retries.md) and a Feign client built with the
 * client's components (architecture.md), run against the fake backend.
 */
class GuideRetryExamplesTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();

    private final User user = User.local("42", "Bob");

    @Test
    void aRetryOfTheApplicationsRegistryKeepsItsAttemptsAndGetsTheClientsRules() {
        String backendUrl = oasst.baseUrl();
        String apiKey = oasst.apiKey();
        // tag::retry-registry[]
        RetryRegistry registry = RetryRegistry.ofDefaults(); // the application's, shared with other clients
        registry.retry(
                OasstOperation.ACK_TASK.retryName(), // oasst-ack-task
                OasstResilience4j.withClientRules(
                                RetryConfig.custom().maxAttempts(5).waitDuration(Duration.ofMillis(50)))
                        .build()); // its attempts and waits, the client's rules of what is retried
        OasstClient client = OasstClient.builder()
                .baseUrl(backendUrl)
                .apiKey(apiKey)
                .retryRegistry(registry) // the other operations' instances are created from the policy
                .build();
        // end::retry-registry[]

        try (client) {
            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user);
            String ack = "/api/v1/tasks/" + task.id() + "/ack";
            oasst.backend().injectFault(4, ack, InjectedFault.status(503));

            client.ackTask(task.id(), "frontend-message-12");

            assertThat(oasst.backend().requestCount(ack))
                    .as("the registry's five attempts, not the policy's three")
                    .isEqualTo(5);
            assertThat(registry.getAllRetries())
                    .extracting(retry -> retry.getName())
                    .contains("oasst-ack-task", "oasst-fetch-task");
            assertThat(registry.retry("oasst-fetch-task").getRetryConfig().getMaxAttempts())
                    .isEqualTo(3);
        }
    }

    @Test
    void aFeignClientBuiltWithTheClientsComponentsRetriesAsTheClientDoes() {
        String backendUrl = oasst.baseUrl();
        String apiKey = oasst.apiKey();
        List<OasstCall> calls = new CopyOnWriteArrayList<>();
        try (OasstClient client = OasstClient.builder()
                .baseUrl(backendUrl)
                .apiKey(apiKey)
                .listener(calls::add)
                .build()) {
            // tag::own-feign-client[]
            OasstTasksApi tasks = Feign.builder()
                    .client(OasstFeign.client(client)) // the client's OkHttp connections and User-Agent
                    .options(OasstFeign.options(client))
                    .encoder(OasstFeign.encoder())
                    .decoder(OasstFeign.decoder())
                    .errorDecoder(OasstFeign.errorDecoder())
                    .requestInterceptor(OasstFeign.apiKeyInterceptor(apiKey))
                    .logger(OasstFeign.logger())
                    .addCapability(OasstFeign.capability(client)) // the client's retries, Feign's own retryer off
                    .target(OasstTasksApi.class, backendUrl);
            // end::own-feign-client[]

            Task task = tasks.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, user));
            String ack = "/api/v1/tasks/" + task.id() + "/ack";
            oasst.backend().injectFault(1, ack, InjectedFault.resetAfterProcessing());
            tasks.ackTask(task.id(), new TaskAck("frontend-message-13"));

            assertThat(oasst.backend().requestCount(ack)).isEqualTo(2);
            assertThat(calls)
                    .extracting(OasstCall::operation, OasstCall::outcome)
                    .containsExactly(
                            tuple(OasstOperation.FETCH_TASK, OasstCall.Outcome.SUCCEEDED),
                            tuple(OasstOperation.ACK_TASK, OasstCall.Outcome.RECONCILED));
        }
    }
}
