package io.github.oasst.client.testkit.spring;

import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.testkit.FakeOasstBackend;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring test's application context gets a running {@link FakeOasstBackend}: started before the
 * context is refreshed, its {@code oasst.base-url} and {@code oasst.api-key} set in the context's
 * environment (so that the Spring Boot starter configures the client against it), a bean of the
 * context to inject, closed with the context. Properties of the test's own ({@code
 * @SpringBootTest(properties = ...)}, {@code @TestPropertySource}) win over these two. The
 * backend's journal, tasks and faults are reset before each test method unless {@link
 * #resetBeforeEachTest()} is false.
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithFakeOasstBackend
 * class FrontendTest {
 *     @Autowired FakeOasstBackend backend;
 *     @Autowired OasstClient client;
 *     ...
 * }
 * }</pre>
 *
 * Test classes with the same attributes (and otherwise the same configuration) share a cached
 * context, and so one backend.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithFakeOasstBackend {
    /** The backend to behave like. */
    OasstServerVersion serverVersion() default OasstServerVersion.V2023_01;

    /** The key the backend accepts, and {@code oasst.api-key}. */
    String apiKey() default FakeOasstBackend.DEFAULT_API_KEY;

    /** Whether {@link FakeOasstBackend#reset()} runs before each test method. */
    boolean resetBeforeEachTest() default true;
}
