package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each call of the auto-configured client is one observation, a child of the caller's. */
class OasstObservationTest {
    private static final User USER = User.local("observed", "Observed");

    @Test
    void eachCallIsAnObservationWithItsOutcome() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(OasstAutoConfiguration.class))
                    .withUserConfiguration(Observations.class)
                    .withPropertyValues("oasst.base-url=" + backend.baseUrl(), "oasst.api-key=" + backend.apiKey())
                    .run(context -> {
                        TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                        OasstClient client = context.getBean(OasstClient.class);
                        Observation caller = Observation.createNotStarted("frontend.request", registry);
                        caller.observe(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));
                        assertThatThrownBy(() -> client.ackTask(UUID.randomUUID(), "observed-1"))
                                .isInstanceOf(OasstError.class);

                        TestObservationRegistryAssert.assertThat(registry)
                                .hasNumberOfObservationsWithNameEqualTo("oasst.client.calls", 2)
                                .hasAnObservation(observation -> observation
                                        .hasContextualNameEqualTo("oasst fetch-task")
                                        .hasLowCardinalityKeyValue("operation", "fetch-task")
                                        .hasLowCardinalityKeyValue("outcome", "succeeded")
                                        .hasLowCardinalityKeyValue("status", "2xx")
                                        .hasLowCardinalityKeyValue("error.code", "none")
                                        .hasHighCardinalityKeyValue("attempts", "1")
                                        .hasParentObservationEqualTo(caller))
                                .hasAnObservation(observation -> observation
                                        .hasLowCardinalityKeyValue("operation", "ack-task")
                                        .hasLowCardinalityKeyValue("outcome", "failed")
                                        .hasLowCardinalityKeyValue("status", "404")
                                        .hasLowCardinalityKeyValue("error.code", "TASK_NOT_FOUND")
                                        .assertThatError()
                                        .isInstanceOf(OasstError.class));
                    });
        }
    }

    @Test
    void aConventionOfTheApplicationRenamesTheObservation() {
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(OasstAutoConfiguration.class))
                    .withUserConfiguration(Observations.class, Renamed.class)
                    .withPropertyValues("oasst.base-url=" + backend.baseUrl(), "oasst.api-key=" + backend.apiKey())
                    .run(context -> {
                        context.getBean(OasstClient.class).fetchTask(TaskKind.INITIAL_PROMPT, USER);

                        TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                                .hasObservationWithNameEqualTo("frontend.oasst")
                                .that()
                                .hasLowCardinalityKeyValue("operation", "fetch-task");
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Renamed {
        @Bean
        OasstObservationConvention renamed() {
            return new DefaultOasstObservationConvention() {
                @Override
                public String getName() {
                    return "frontend.oasst";
                }
            };
        }
    }
}
