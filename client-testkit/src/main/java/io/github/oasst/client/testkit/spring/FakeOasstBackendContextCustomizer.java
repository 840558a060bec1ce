package io.github.oasst.client.testkit.spring;

import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.testkit.FakeOasstBackend;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts the backend of a {@link WithFakeOasstBackend} context before it is refreshed: a bean of
 * the context, closed with it, and its two properties in the environment, under the test's own. Two
 * customizers of the same attributes are equal, so that such contexts are cached and shared.
 */
final class FakeOasstBackendContextCustomizer implements ContextCustomizer {
    static final String BEAN_NAME = "fakeOasstBackend";
    static final String PROPERTY_SOURCE = "fakeOasstBackend";

    private final OasstServerVersion serverVersion;
    private final String apiKey;

    FakeOasstBackendContextCustomizer(OasstServerVersion serverVersion, String apiKey) {
        this.serverVersion = Objects.requireNonNull(serverVersion, "serverVersion");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        FakeOasstBackend backend = FakeOasstBackend.builder()
                .serverVersion(serverVersion)
                .apiKey(apiKey)
                .start();
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, backend);
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN_NAME, backend::close); // also when the refresh fails
        } else {
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> backend.close());
        }
        MapPropertySource properties = new MapPropertySource(
                PROPERTY_SOURCE, Map.of("oasst.base-url", backend.baseUrl(), "oasst.api-key", backend.apiKey()));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, properties);
        } else {
            sources.addFirst(properties);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FakeOasstBackendContextCustomizer that
                && serverVersion == that.serverVersion
                && apiKey.equals(that.apiKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverVersion, apiKey);
    }
}
