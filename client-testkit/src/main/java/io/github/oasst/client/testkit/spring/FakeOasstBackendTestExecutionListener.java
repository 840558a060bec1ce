package io.github.oasst.client.testkit.spring;

import io.github.oasst.client.testkit.FakeOasstBackend;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Resets the backend of a {@link WithFakeOasstBackend} test before each test method (unless {@code
 * resetBeforeEachTest = false}), as {@code FakeOasstBackendExtension} does: tasks, faults and the
 * journal start empty. Touches no other test's context.
 */
final class FakeOasstBackendTestExecutionListener implements TestExecutionListener, Ordered {
    @Override
    public void beforeTestMethod(TestContext testContext) {
        WithFakeOasstBackend backend =
                TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), WithFakeOasstBackend.class);
        if (backend != null && backend.resetBeforeEachTest()) {
            testContext
                    .getApplicationContext()
                    .getBean(FakeOasstBackendContextCustomizer.BEAN_NAME, FakeOasstBackend.class)
                    .reset();
        }
    }

    @Override
    public int getOrder() {
        return 2100; // after Spring's dependency injection (2000)
    }
}
