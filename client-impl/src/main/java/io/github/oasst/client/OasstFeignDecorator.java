package io.github.oasst.client;

import feign.InvocationHandlerFactory.MethodHandler;
import feign.Target;
import io.github.resilience4j.core.functions.CheckedFunction;
import io.github.resilience4j.feign.FeignDecorator;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * The client's Resilience4j decorator of Feign methods: translates every failure into the client's
 * exceptions and, with a {@link Retrier}, runs the methods of the tasks API under the retry policy.
 */
final class OasstFeignDecorator implements FeignDecorator {
    private final @Nullable Retrier retrier;

    OasstFeignDecorator(@Nullable Retrier retrier) {
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
        OasstOperation operation = OasstOperation.of(method);
        Retrier active = retrier;
        if (active == null || operation == null || !active.active()) {
            return translated;
        }
        return args -> active.executeSync(operation, () -> translated.apply(args));
    }
}
