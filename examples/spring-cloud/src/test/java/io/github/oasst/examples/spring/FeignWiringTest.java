package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Capability;
import feign.Client;
import feign.Contract;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.ReceivedRequest;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import io.github.oasst.spring.boot.OasstClientHealth;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.ApplicationContext;

/**
 * The {@code @FeignClient} of the interface, on the starter's {@code OasstFeignClientConfiguration},
 * behaves as the auto-configured client's own interface: same transport and headers, retries per
 * method with reconciliation, no repeat of labels whose answer was lost (so Feign's own retryer is
 * off), its calls observed and timed; none of its Feign beans leaks into the application context.
 */
@SpringBootTest(
        properties = {
            "oasst.round.enabled=false",
            "oasst.user-agent=wiring-test/1",
            "oasst.retry.initial-backoff=5ms",
            "oasst.retry.max-backoff=20ms"
        })
@WithFakeOasstBackend
class FeignWiringTest {
    private static final User USER = User.local("wiring", "Wiring");
    private static final String TASKS = "/api/v1/tasks/";

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    OasstTasksClient feignClient;

    @Autowired
    OasstTasksApi injected;

    @Autowired
    OasstClient client;

    @Autowired
    OasstClientHealth health;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FeignClientFactory feignClients;

    @Autowired
    ApplicationContext application;

    private ReceivedRequest last() {
        return backend.received().get(backend.received().size() - 1);
    }

    @Test
    void theInjectedInterfaceIsTheFeignClientAndSendsAsTheClientDoes() {
        assertThat(injected).isSameAs(feignClient);

        feignClient.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));
        ReceivedRequest viaFeignClient = last();
        client.fetchTask(io.github.oasst.client.protocol.TaskKind.INITIAL_PROMPT, USER);
        ReceivedRequest viaClient = last();

        for (String header : new String[] {"X-API-Key", "User-Agent", "Content-Type", "Accept"}) {
            assertThat(viaFeignClient.header(header)).as(header).isEqualTo(viaClient.header(header));
        }
        assertThat(viaFeignClient.header("User-Agent")).startsWith("wiring-test/1 oasst-java-client/");
        assertThat(viaFeignClient.body()).isEqualTo(viaClient.body());
        assertThat(feignClients.getInstance("oasst", Client.class))
                .as("the client's own transport: its OkHttp client and connections")
                .isSameAs(OasstFeign.client(client));
    }

    @Test
    void itsCallsAreRetriedPerMethodAndReconciled() {
        backend.injectFault(2, TASKS, InjectedFault.status(503));
        Task task = feignClient.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));
        String ack = TASKS + task.id() + "/ack";
        backend.injectFault(1, ack, InjectedFault.resetAfterProcessing());

        feignClient.ackTask(task.id(), new TaskAck("wiring-1"));

        assertThat(backend.requestCount(TASKS)).isEqualTo(3);
        assertThat(backend.requestCount(ack))
                .as("the repeat answered 2103, which reconciles")
                .isEqualTo(2);
    }

    @Test
    void labelsWhoseAnswerWasLostAreSentOnceWhateverFeignsOwnRetryerWouldDo() {
        LabelInitialPromptTask task = (LabelInitialPromptTask)
                feignClient.requestTask(TaskRequest.of(TaskRequestType.LABEL_INITIAL_PROMPT, USER));
        feignClient.ackTask(task.id(), new TaskAck("wiring-2"));
        backend.injectFault(1, TASKS + "interaction", InjectedFault.resetAfterProcessing());

        assertThatThrownBy(() -> feignClient.postInteraction(
                        FrontendTasks.sampleAnswer(task, USER, "wiring-2").orElseThrow()))
                .isInstanceOfSatisfying(
                        OasstTransportException.class,
                        e -> assertThat(e.note()).contains("may have been stored; not repeated to avoid a duplicate"));
        assertThat(backend.requestCount(TASKS + "interaction")).isEqualTo(1);
    }

    @Test
    void itsCallsAreObservedAndTimedLikeTheClientsOwn() {
        double before =
                meters
                        .find("oasst.client.calls")
                        .tags("operation", "fetch-task", "outcome", "succeeded")
                        .timers()
                        .stream()
                        .mapToLong(timer -> timer.count())
                        .sum();

        feignClient.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));

        assertThat(meters.get("oasst.client.calls")
                        .tags("operation", "fetch-task", "outcome", "succeeded")
                        .timer()
                        .count())
                .isEqualTo((long) before + 1);
        assertThat(health.lastSuccess()).isNotNull();
    }

    @Test
    void applicationContextHoldsNoneOfTheClientsFeignBeans() {
        for (Class<?> type : new Class<?>[] {
            Contract.class,
            Encoder.class,
            Decoder.class,
            ErrorDecoder.class,
            Client.class,
            Retryer.class,
            Capability.class,
            RequestInterceptor.class
        }) {
            assertThat(application.getBeanNamesForType(type))
                    .as("%s beans in the application context", type.getSimpleName())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {feign.Feign.class, tools.jackson.databind.ObjectMapper.class})
    void runsOnTheVersionsTheProjectAligns(Class<?> type) throws URISyntaxException {
        String jar = Path.of(
                        type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getFileName()
                .toString();
        String expected = type.getName().startsWith("feign.")
                ? System.getProperty("expected.feign.version")
                : System.getProperty("expected.jackson3.version");

        assertThat(expected).isNotBlank();
        assertThat(jar).endsWith("-" + expected + ".jar");
    }
}
