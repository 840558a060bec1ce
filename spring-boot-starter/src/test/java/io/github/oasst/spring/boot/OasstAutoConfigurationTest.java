package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstJson;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Each condition of the auto-configuration. */
class OasstAutoConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OasstAutoConfiguration.class));

    private final ApplicationContextRunner configured =
            runner.withPropertyValues("oasst.base-url=http://127.0.0.1:9", "oasst.api-key=test-key-1234");

    @Test
    void withoutAnyOasstPropertyNothingIsConfigured() {
        runner.withPropertyValues("oasst.retry.max-attempts=5").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OasstClient.class).doesNotHaveBean(OasstTasksApi.class);
        });
    }

    @Test
    void aBaseUrlWithoutAKeyStopsTheStartWithWhatToSet() {
        runner.withPropertyValues("oasst.base-url=http://127.0.0.1:9").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            OasstConfigurationException cause = rootCause(failure, OasstConfigurationException.class);
            assertThat(cause.getMessage()).isEqualTo("oasst.api-key is not set, though oasst.base-url is");
            FailureAnalysis analysis = new OasstConfigurationFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription())
                    .isEqualTo(
                            "The OASST client cannot be configured: oasst.api-key is not set, though oasst.base-url is");
            assertThat(analysis.getAction())
                    .startsWith("Set oasst.api-key (or the environment variable OASST_API_KEY): the client needs both");
        });
    }

    @Test
    void aKeyWithoutABaseUrlStopsTheStartToo() {
        runner.withPropertyValues("oasst.api-key=test-key-1234")
                .run(context -> assertThat(rootCause(context.getStartupFailure(), OasstConfigurationException.class)
                                .getMessage())
                        .isEqualTo("oasst.base-url is not set, though oasst.api-key is"));
    }

    @Test
    void aMalformedBaseUrlNamesTheProperty() {
        runner.withPropertyValues("oasst.base-url=ftp://oasst.example", "oasst.api-key=test-key-1234")
                .run(context -> assertThat(rootCause(context.getStartupFailure(), OasstConfigurationException.class)
                                .getMessage())
                        .isEqualTo("oasst.base-url must start with http:// or https://, got ftp://oasst.example"));
    }

    @Test
    void thePropertiesMakeTheClientAndItsInterfaces() {
        configured
                .withPropertyValues(
                        "oasst.retry.max-attempts=5",
                        "oasst.retry.ambiguous-interactions=text-reply,ranking",
                        "oasst.server-version=v2023-05",
                        "oasst.connect-timeout=2s")
                .run(context -> {
                    OasstClient client = context.getBean(OasstClient.class);
                    assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:9");
                    assertThat(client.retry(OasstOperation.ACK_TASK)
                                    .getRetryConfig()
                                    .getMaxAttempts())
                            .isEqualTo(5);
                    assertThat(client.retry(OasstOperation.ACK_TASK).getName()).isEqualTo("oasst-ack-task");
                    assertThat(context).hasSingleBean(OasstTasksApi.class).hasSingleBean(OasstTasksAsyncApi.class);
                    assertThat(context.getBean(io.github.oasst.client.api.OasstMessagesApi.class))
                            .isSameAs(client.data().messages());
                    assertThat(context).hasSingleBean(io.github.oasst.client.api.OasstUsersApi.class);
                    assertThat(OasstSettings.retryPolicy(context.getBean(OasstProperties.class)
                                            .getRetry())
                                    .ambiguousInteractions(io.github.oasst.client.api.OasstServerVersion.V2023_05))
                            .isEqualTo(InteractionKind.SAFE_TO_REPEAT);
                    assertThat(client.serverVersion())
                            .as("stated, so never asked for: the backend at port 9 is not there")
                            .isEqualTo(io.github.oasst.client.api.OasstServerVersion.V2023_05);
                    assertThat(context.getBean(OasstProperties.class).toString())
                            .contains("apiKey=<redacted>")
                            .doesNotContain("test-key-1234");
                });
    }

    @Test
    void thePropertiesDefaultsAreTheClients() {
        OasstProperties properties = new OasstProperties();
        RetryPolicy defaults = RetryPolicy.defaults();
        RetryPolicy fromProperties = OasstSettings.retryPolicy(properties.getRetry());

        assertThat(properties.getConnectTimeout()).isEqualTo(OasstClient.DEFAULT_CONNECT_TIMEOUT);
        assertThat(properties.getReadTimeout()).isEqualTo(OasstClient.DEFAULT_READ_TIMEOUT);
        assertThat(properties.getCallTimeout()).isEqualTo(OasstClient.DEFAULT_CALL_TIMEOUT);
        assertThat(fromProperties.toString()).isEqualTo(defaults.toString());
        assertThat(fromProperties.ambiguousInteractionsFollowServerVersion()).isTrue();
        assertThat(properties.getServerVersion()).isNull();
    }

    @Test
    void invalidRetrySettingsStopTheStart() {
        configured
                .withPropertyValues("oasst.retry.max-attempts=0")
                .run(context -> assertThat(rootCause(context.getStartupFailure(), OasstConfigurationException.class)
                                .getMessage())
                        .startsWith("oasst.retry: maxAttempts"));
    }

    @Test
    void theApplicationsOwnBeansWin() {
        configured.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context.getBean(OasstClient.class)).isSameAs(OwnClient.CLIENT);
            assertThat(context.getBean(OasstClient.class).baseUrl()).isEqualTo("http://127.0.0.1:8");
        });
    }

    @Test
    void anInterfaceOfTheApplicationsOwnWinsAndTheOthersAreStillMade() {
        configured.withUserConfiguration(OwnMessages.class).run(context -> {
            assertThat(context).hasSingleBean(io.github.oasst.client.api.OasstMessagesApi.class);
            assertThat(context.getBean(io.github.oasst.client.api.OasstMessagesApi.class))
                    .isSameAs(context.getBean("ownMessages"));
            assertThat(context.getBean(io.github.oasst.client.api.OasstStatsApi.class))
                    .isSameAs(context.getBean(OasstClient.class).data().stats());
        });
    }

    @Test
    void customizersAreAppliedInOrder() {
        configured
                .withUserConfiguration(Customizers.class)
                .withPropertyValues("management.health.oasst.enabled=false") // the probe's client would apply them too
                .run(context -> {
                    context.getBean(OasstClient.class);
                    assertThat(context.getBean(Customizers.class).applied).containsExactly("first", "second");
                });
    }

    @Test
    void theHealthProbesClientGetsTheCustomizersToo() {
        configured.withUserConfiguration(Customizers.class).run(context -> {
            context.getBean(OasstClient.class);
            context.getBean(OasstHealthProbe.class);
            assertThat(context.getBean(Customizers.class).applied)
                    .containsExactly("first", "second", "first", "second");
        });
    }

    @Test
    void theApplicationsResilience4jRegistriesAreUsed() {
        configured.withUserConfiguration(Registries.class).run(context -> {
            OasstClient client = context.getBean(OasstClient.class);
            RetryRegistry registry = context.getBean(RetryRegistry.class);
            assertThat(client.retry(OasstOperation.FETCH_TASK)).isSameAs(registry.retry("oasst-fetch-task"));
            assertThat(context.getBean(CircuitBreakerRegistry.class).find("oasst"))
                    .isPresent();
            assertThat(context.getBean(OasstResilience.class).applications()).isTrue();
        });
    }

    @Test
    void withoutResilience4jRegistriesTheClientKeepsItsOwn() {
        configured.run(context -> {
            assertThat(context).doesNotHaveBean(RetryRegistry.class);
            OasstResilience resilience = context.getBean(OasstResilience.class);
            assertThat(resilience.applications()).isFalse();
            assertThat(resilience.circuitBreaker()).isNull();
            assertThat(context.getBean(OasstClient.class).retry(OasstOperation.FETCH_TASK))
                    .isSameAs(resilience.retryRegistry().retry("oasst-fetch-task"));
        });
    }

    @Test
    void jackson3IsTakenWhenItIsThereAndJackson2Otherwise() {
        configured.run(context -> assertThat(context.getBean(OasstJson.class)).isSameAs(OasstJson.jackson3()));
        configured
                .withClassLoader(new FilteredClassLoader("tools.jackson"))
                .run(context -> assertThat(context.getBean(OasstJson.class)).isSameAs(OasstJson.jackson2()));
        configured
                .withPropertyValues("oasst.json=jackson2")
                .run(context -> assertThat(context.getBean(OasstJson.class)).isSameAs(OasstJson.jackson2()));
    }

    @Test
    void observationsNeedMicrometer() {
        configured.run(context -> assertThat(context).hasBean("oasstObservationCustomizer"));
        configured
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("oasstObservationCustomizer");
                    assertThat(context).hasSingleBean(OasstClient.class);
                });
    }

    @Test
    void theHealthIndicatorNeedsSpringBootsHealthAndCanBeTurnedOff() {
        configured.run(context -> assertThat(context).hasSingleBean(OasstHealthIndicator.class));
        configured
                .withPropertyValues("management.health.oasst.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OasstHealthIndicator.class));
        configured
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(OasstHealthIndicator.class)
                        .hasSingleBean(OasstClient.class));
    }

    private static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        static final OasstClient CLIENT = OasstClient.builder()
                .baseUrl("http://127.0.0.1:8")
                .apiKey("own-key-5678")
                .build();

        @Bean(destroyMethod = "")
        OasstClient ownClient() {
            return CLIENT;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMessages {
        @Bean
        io.github.oasst.client.api.OasstMessagesApi ownMessages() {
            return OwnClient.CLIENT.data().messages();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        final List<String> applied = new ArrayList<>();

        @Bean
        @Order(2)
        OasstClientBuilderCustomizer second() {
            return builder -> applied.add("second");
        }

        @Bean
        @Order(1)
        OasstClientBuilderCustomizer first() {
            return builder -> applied.add("first");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registries {
        @Bean
        RetryRegistry retryRegistry() {
            return RetryRegistry.ofDefaults();
        }

        @Bean
        CircuitBreakerRegistry circuitBreakerRegistry() {
            return CircuitBreakerRegistry.ofDefaults();
        }
    }
}
