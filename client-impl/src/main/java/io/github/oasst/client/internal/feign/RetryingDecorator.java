package io.github.oasst.client.internal.feign;

import feign.InvocationHandlerFactory.MethodHandler;
import feign.RequestLine;
import feign.Target;
import io.github.oasst.client.internal.codec.Failures;
import io.github.oasst.client.internal.http.CallOptions;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.OasstOperation;
import io.github.resilience4j.core.functions.CheckedFunction;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The client's decorator of Feign methods, installed by {@link OasstCapability}: arguments are checked before anything is sent ({@link Arguments}),
 * every failure becomes the client's exception, and with a {@link Retrier} the methods of the
 * client's interfaces (blocking, or returning a {@link CompletableFuture} under {@code AsyncFeign})
 * run under its retries. Each attempt passes the call's {@link CallOptions} to Feign as the method's
 * per-call {@code Request.Options} (Feign hands an {@code Options} argument to its client), so that
 * the call's own data travels with each request.
 */
public final class RetryingDecorator {
    private final @Nullable Retrier retrier;

    /** @param retrier the retries and lifecycle, or null to translate failures only */
    public RetryingDecorator(@Nullable Retrier retrier) {
        this.retrier = retrier;
    }

    /** The method's invocation with its arguments checked, its failures translated, and retried. */
    public CheckedFunction<Object[], Object> decorate(
            CheckedFunction<Object[], Object> invocation, Method method, MethodHandler handler, Target<?> target) {
        CheckedFunction<Object[], Object> call = retried(invocation, method);
        Arguments arguments = Arguments.of(method);
        if (arguments.checksNothing()) {
            return call;
        }
        return args -> {
            arguments.check(args);
            return call.apply(args);
        };
    }

    private CheckedFunction<Object[], Object> retried(CheckedFunction<Object[], Object> invocation, Method method) {
        boolean async = CompletionStage.class.isAssignableFrom(method.getReturnType());
        OasstOperation operation = Operations.of(method);
        Retrier active = retrier;
        RequestLine line = method.getAnnotation(RequestLine.class);
        if (active == null || operation == null || line == null) {
            return async ? args -> translatedAsync(invocation, args) : args -> translated(invocation, args);
        }
        String requestLine = line.value();
        if (async) {
            return args -> active.callAsync(
                    operation, kind(args), requestLine, options -> started(invocation, with(args, options)));
        }
        return args ->
                active.call(operation, kind(args), requestLine, options -> invocation.apply(with(args, options)));
    }

    /** The arguments and, after them, the call's options, which Feign finds among the arguments. */
    private static Object[] with(Object @Nullable [] args, CallOptions options) {
        if (args == null) {
            return new Object[] {options};
        }
        Object[] withOptions = Arrays.copyOf(args, args.length + 1);
        withOptions[args.length] = options;
        return withOptions;
    }

    /** The kind of the interaction among the arguments, if one is; Feign passes null for none. */
    private static @Nullable InteractionKind kind(Object @Nullable [] args) {
        if (args == null) {
            return null;
        }
        for (Object arg : args) {
            if (arg instanceof Interaction interaction) {
                return InteractionKind.of(interaction);
            }
        }
        return null;
    }

    private static Object translated(CheckedFunction<Object[], Object> invocation, Object[] args) throws Throwable {
        try {
            return invocation.apply(args);
        } catch (Throwable failure) {
            throw Failures.translate(failure);
        }
    }

    /** The attempt's future as Feign started it, or a failed one; the retrier translates failures. */
    @SuppressWarnings("unchecked")
    private static <T> CompletionStage<T> started(CheckedFunction<Object[], Object> invocation, Object[] args) {
        try {
            return (CompletionStage<T>) invocation.apply(args);
        } catch (Throwable failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** The call's future, failing with the client's exception itself (never a wrapper). */
    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> translatedAsync(
            CheckedFunction<Object[], Object> invocation, Object[] args) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletionStage<T> started;
        try {
            started = (CompletionStage<T>) invocation.apply(args);
        } catch (Throwable failure) {
            result.completeExceptionally(Failures.translate(failure));
            return result;
        }
        started.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(Failures.translate(failure));
            }
        });
        return result;
    }
}
