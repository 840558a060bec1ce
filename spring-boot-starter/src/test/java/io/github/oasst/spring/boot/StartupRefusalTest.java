package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.oasst.client.OasstClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

/**
 * A Boot application refuses to start on settings that cannot work, and its failure report names
 * the property and what to set; the key is in no line of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTest {
    private static final String URL = "oasst.base-url=http://127.0.0.1:9";

    @SpringBootConfiguration
    @ImportAutoConfiguration(OasstAutoConfiguration.class)
    static class Application {}

    @SpringBootConfiguration
    @ImportAutoConfiguration(OasstAutoConfiguration.class)
    @Import(Frontend.class)
    static class ApplicationWithAService {}

    /** A service that needs the client. */
    static class Frontend {
        Frontend(OasstClient client) {}
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments(
                        "an unresolved placeholder",
                        List.of(URL, "oasst.api-key=${OASST_STARTER_TEST_UNSET_KEY}"),
                        "oasst.api-key holds the placeholder ${OASST_STARTER_TEST_UNSET_KEY}, which did not resolve",
                        "Set OASST_STARTER_TEST_UNSET_KEY in the environment (or as a property), or give oasst.api-key"
                                + " a default"),
                arguments(
                        "a blank key",
                        List.of(URL, "oasst.api-key=   "),
                        "oasst.api-key is blank, though oasst.base-url is",
                        "Set oasst.api-key (or the environment variable OASST_API_KEY)"),
                arguments(
                        "a key with a control character",
                        List.of(URL, "oasst.api-key=secret-\u0007-key"),
                        "oasst.api-key: API key must not contain control characters (CR, LF, …); found one at index 7",
                        "Set oasst.api-key (or OASST_API_KEY) to the key exactly as the backend gave it."),
                arguments(
                        "a base URL without http(s)://",
                        List.of("oasst.base-url=backend.example.org", "oasst.api-key=secret-key"),
                        "oasst.base-url must start with http:// or https://, got backend.example.org",
                        "Set oasst.base-url to the backend's URL with its scheme"),
                arguments(
                        "a key without a base URL",
                        List.of("oasst.api-key=secret-key"),
                        "oasst.base-url is not set, though oasst.api-key is",
                        "Set oasst.base-url (or the environment variable OASST_BASE_URL): the client needs both"),
                arguments(
                        "a read timeout of zero",
                        List.of(URL, "oasst.api-key=secret-key", "oasst.read-timeout=0s"),
                        "oasst.read-timeout: readTimeout must be positive, got PT0S",
                        "Set oasst.read-timeout to a positive duration."),
                arguments(
                        "a maximum backoff shorter than the first",
                        List.of(URL, "oasst.api-key=secret-key", "oasst.retry.max-backoff=100ms"),
                        "oasst.retry: maxBackoff PT0.1S is shorter than initialBackoff PT0.2S",
                        "Correct the oasst.retry.* setting it names."),
                arguments(
                        "a health interval of zero",
                        List.of(URL, "oasst.api-key=secret-key", "oasst.health.interval=0s"),
                        "oasst.health.interval must be positive, got PT0S",
                        "Set oasst.health.interval to how long a probe's result stands"),
                arguments(
                        "a base URL without a key",
                        List.of(URL),
                        "oasst.api-key is not set, though oasst.base-url is",
                        "Set oasst.api-key (or the environment variable OASST_API_KEY): the client needs both"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void theStartIsRefusedNamingThePropertyAndWhatToSet(
            String what, List<String> properties, String description, String action, CapturedOutput output) {
        assertThatThrownBy(() -> run(Application.class, properties))
                .hasRootCauseInstanceOf(OasstConfigurationException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("The OASST client cannot be configured: " + description)
                .contains(action)
                .doesNotContain("secret");
    }

    @Test
    void aServiceNeedingTheClientWithoutAnyOasstPropertySaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> run(ApplicationWithAService.class, List.of("oasst.retry.max-attempts=5")))
                .hasRootCauseInstanceOf(NoSuchBeanDefinitionException.class);

        assertThat(output.getAll())
                .contains("A bean of type io.github.oasst.client.OasstClient is needed, and none was configured: the"
                        + " OASST starter configures the client and its interfaces when oasst.base-url and"
                        + " oasst.api-key are set, and neither is.")
                .contains("Set oasst.base-url and oasst.api-key (or the environment variables OASST_BASE_URL and"
                        + " OASST_API_KEY), or define a bean of type OasstClient of your own.");
    }

    private static void run(Class<?> application, List<String> properties) {
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setRegisterShutdownHook(false);
        spring.run(properties.stream().map(property -> "--" + property).toArray(String[]::new))
                .close();
    }
}
