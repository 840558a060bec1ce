package io.github.oasst.client.testkit;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeOasstBackend} around a test class: started before all tests, reset before each
 * (tasks, faults, journal), stopped after all; injected into test and lifecycle methods that take a
 * {@link FakeOasstBackend} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();
 *
 * @Test
 * void ackIsRetried() {
 *     oasst.backend().injectFault(1, InjectedFault.status(503));
 *     ...
 * }
 * }</pre>
 *
 * Or {@code @ExtendWith(FakeOasstBackendExtension.class)} with a {@code FakeOasstBackend}
 * parameter.
 */
public final class FakeOasstBackendExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
    private final UnaryOperator<FakeOasstBackend.Builder> configuration;
    private @Nullable FakeOasstBackend backend;

    /** With the defaults, for {@code @ExtendWith}. */
    public FakeOasstBackendExtension() {
        this(UnaryOperator.identity());
    }

    private FakeOasstBackendExtension(UnaryOperator<FakeOasstBackend.Builder> configuration) {
        this.configuration = configuration;
    }

    /** With the defaults. */
    public static FakeOasstBackendExtension create() {
        return new FakeOasstBackendExtension();
    }

    /** Configured, for example {@code withBackend(b -> b.apiKey("k").serveAllTaskTypes(true))}. */
    public static FakeOasstBackendExtension withBackend(UnaryOperator<FakeOasstBackend.Builder> configuration) {
        return new FakeOasstBackendExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /** The running backend. */
    public FakeOasstBackend backend() {
        FakeOasstBackend running = backend;
        if (running == null) {
            throw new IllegalStateException("the fake backend is not running: register the extension on a test class");
        }
        return running;
    }

    /** The running backend's base URL. */
    public String baseUrl() {
        return backend().baseUrl();
    }

    /** The running backend's API key. */
    public String apiKey() {
        return backend().apiKey();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FakeOasstBackend running = backend;
        if (running != null) {
            running.close();
            backend = null;
        }
    }

    private synchronized FakeOasstBackend start() {
        if (backend == null) {
            backend = configuration.apply(FakeOasstBackend.builder()).start();
        }
        return backend;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeOasstBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start();
    }
}
