package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code oasst.virtual-threads}: its own value when set, else Spring's {@code spring.threads.virtual.enabled}. */
class OasstVirtualThreadsPropertyTest {
    private final ApplicationContextRunner configured = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OasstAutoConfiguration.class))
            .withPropertyValues("oasst.base-url=http://127.0.0.1:9", "oasst.api-key=test-key-1234");

    @ParameterizedTest(name = "oasst.virtual-threads={0}, spring.threads.virtual.enabled={1}: {2}")
    @CsvSource({
        ",      ,      false",
        ",      true,  true",
        ",      false, false",
        "true,  ,      true",
        "true,  false, true",
        "false, true,  false"
    })
    void theClientFollowsSpringsSwitchUnlessTheOwnPropertyIsSet(Boolean own, Boolean spring, boolean expected) {
        ApplicationContextRunner runner = configured;
        if (own != null) {
            runner = runner.withPropertyValues("oasst.virtual-threads=" + own);
        }
        if (spring != null) {
            runner = runner.withPropertyValues("spring.threads.virtual.enabled=" + spring);
        }
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(OasstClient.class);
            OasstProperties properties = context.getBean(OasstProperties.class);

            assertThat(properties.getVirtualThreads()).isEqualTo(own);
            assertThat(OasstAutoConfiguration.virtualThreads(properties, context.getEnvironment()))
                    .isEqualTo(expected);
        });
    }

    @Test
    void theClientIsBuiltWithTheSwitchOnEvenWhereTheJvmHasNoVirtualThreads() {
        configured
                .withPropertyValues("oasst.virtual-threads=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OasstClient.class));
    }
}
