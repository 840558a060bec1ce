package io.github.oasst.client.testkit.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** A {@link FakeOasstBackendContextCustomizer} for a test class with {@link WithFakeOasstBackend}. */
final class FakeOasstBackendContextCustomizerFactory implements ContextCustomizerFactory {
    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithFakeOasstBackend backend =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, WithFakeOasstBackend.class);
        return backend == null
                ? null
                : new FakeOasstBackendContextCustomizer(backend.serverVersion(), backend.apiKey());
    }
}
