package io.github.oasst.client.testkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.testkit.FakeOasstBackend;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * {@link WithFakeOasstBackend} without a test framework's help: the customizer it brings starts a
 * backend for the context, sets its two properties under the test's own, and the backend closes
 * with the context.
 */
class WithFakeOasstBackendTest {
    private final FakeOasstBackendContextCustomizerFactory factory = new FakeOasstBackendContextCustomizerFactory();

    @WithFakeOasstBackend(serverVersion = OasstServerVersion.V2023_05, apiKey = "spring-test-key-1")
    static class Annotated {}

    static class Inheriting extends Annotated {}

    static class Plain {}

    private ContextCustomizer customizer(Class<?> testClass) {
        ContextCustomizer customizer = factory.createContextCustomizer(testClass, List.of());
        assertThat(customizer).as("a customizer for %s", testClass).isNotNull();
        return customizer;
    }

    private static MergedContextConfiguration configuration(Class<?> testClass) {
        return new MergedContextConfiguration(testClass, new String[0], new Class<?>[0], new String[0], null);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theContextGetsARunningBackendAndItsPropertiesAndClosesItWithItself() {
        int port;
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            customizer(Annotated.class).customizeContext(context, configuration(Annotated.class));
            context.refresh();

            FakeOasstBackend backend = context.getBean(FakeOasstBackend.class);
            assertThat(backend.serverVersion()).isEqualTo(OasstServerVersion.V2023_05);
            assertThat(backend.apiKey()).isEqualTo("spring-test-key-1");
            assertThat(context.getEnvironment().getProperty("oasst.base-url")).isEqualTo(backend.baseUrl());
            assertThat(context.getEnvironment().getProperty("oasst.api-key")).isEqualTo("spring-test-key-1");
            port = backend.port();
            assertThat(listening(port)).isTrue();
        }
        assertThat(listening(port)).as("closed with the context").isFalse();
    }

    @Test
    void theBackendClosesAlsoWhenTheContextFailsToStart() {
        GenericApplicationContext context = new GenericApplicationContext();
        customizer(Annotated.class).customizeContext(context, configuration(Annotated.class));
        int port = ((FakeOasstBackend) context.getBeanFactory().getSingleton("fakeOasstBackend")).port();
        context.registerBean("broken", Object.class, () -> {
            throw new IllegalStateException("a bean that cannot be made");
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(context::refresh)
                .hasRootCauseMessage("a bean that cannot be made");
        assertThat(listening(port)).isFalse();
    }

    @Test
    void theTestsOwnPropertiesWin() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
                            Map.of("oasst.api-key", "a-wrong-key")));
            customizer(Annotated.class).customizeContext(context, configuration(Annotated.class));
            context.refresh();

            assertThat(context.getEnvironment().getProperty("oasst.api-key")).isEqualTo("a-wrong-key");
            assertThat(context.getEnvironment().getProperty("oasst.base-url"))
                    .isEqualTo(context.getBean(FakeOasstBackend.class).baseUrl());
        }
    }

    @Test
    void classesWithTheSameAttributesGetEqualCustomizersSoTheyShareACachedContext() {
        assertThat(customizer(Inheriting.class))
                .isEqualTo(customizer(Annotated.class))
                .hasSameHashCodeAs(customizer(Annotated.class));
        assertThat(new FakeOasstBackendContextCustomizer(OasstServerVersion.V2023_01, "spring-test-key-1"))
                .isNotEqualTo(customizer(Annotated.class));
        assertThat(factory.createContextCustomizer(Plain.class, List.of())).isNull();
    }
}
