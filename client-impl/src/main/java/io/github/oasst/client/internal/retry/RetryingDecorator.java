package io.github.oasst.client.internal.retry;

import feign.InvocationHandlerFactory.MethodHandler;
import feign.Target;
import io.github.oasst.client.OasstOperation;
import io.github.oasst.client.internal.codec.Failures;
import io.github.resilience4j.core.functions.CheckedFunction;
import io.github.resilience4j.feign.FeignDecorator;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * The client's Resilience4j decorator of Feign methods (installed through {@code
 * Resilience4jFeign.capability}): translates every failure into the client's exceptions and, with a
 * {@link Retrier}, runs the methods of the tasks API under its retry policy.
 */
public final class RetryingDecorator implements FeignDecorator {
    private final @Nullable Retrier retrier;

    /** @param retrier the retries, or null to translate failures only */
    public RetryingDecorator(@Nullable Retrier retrier) {
        this.retrier = retrier;
    }

    @Override
    public CheckedFunction<Object[], Object> decorate(
            CheckedFunction<Object[], Object> invocation, Method method, MethodHandler handler, Target<?> target) {
        CheckedFunction<Object[], Object> translated = args -> {
            try {
                return invocation.apply(args);
            } catch (Throwable failure) {
                throw Failures.translate(failure);
            }
        };
        OasstOperation operation = Operations.of(method);
        Retrier active = retrier;
        if (active == null || operation == null || !active.active()) {
            return translated;
        }
        return args -> active.executeSync(operation, () -> translated.apply(args));
    }
}
