package io.github.oasst.client.internal.feign;

import feign.Capability;
import feign.InvocationHandlerFactory;
import feign.InvocationHandlerFactory.MethodHandler;
import feign.Retryer;
import feign.Target;
import io.github.resilience4j.core.functions.CheckedFunction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client's Feign capability: each method of an interface runs through the {@link
 * RetryingDecorator}, and Feign's own {@link Retryer} is replaced by {@link Retryer#NEVER_RETRY}
 * whatever the builder was given. Feign's default retryer repeats any request, a POST included,
 * after an I/O failure, up to 5 times: under the client's retries that would send an interaction
 * again, and multiply the attempts. Only Feign's own extension points are used.
 */
public final class OasstCapability implements Capability {
    private final RetryingDecorator decorator;

    private OasstCapability(RetryingDecorator decorator) {
        this.decorator = decorator;
    }

    public static Capability of(RetryingDecorator decorator) {
        return new OasstCapability(Objects.requireNonNull(decorator, "decorator"));
    }

    /** Feign's handlers of the interface's methods, each decorated once when the proxy is made. */
    @Override
    public InvocationHandlerFactory enrich(InvocationHandlerFactory invocationHandlerFactory) {
        return (target, dispatch) -> new Handler(target, dispatch, decorator);
    }

    @Override
    public Retryer enrich(Retryer retryer) {
        return Retryer.NEVER_RETRY;
    }

    /**
     * Dispatches a proxy's calls to the decorated method handlers; {@code equals}, {@code hashCode}
     * and {@code toString} are the target's, as with Feign's own handler.
     */
    private static final class Handler implements InvocationHandler {
        private final Target<?> target;
        private final Map<Method, CheckedFunction<Object[], Object>> methods = new HashMap<>();

        Handler(Target<?> target, Map<Method, MethodHandler> dispatch, RetryingDecorator decorator) {
            this.target = target;
            dispatch.forEach((method, handler) -> {
                if (handler != null) {
                    methods.put(method, decorator.decorate(handler::invoke, method, handler, target));
                }
            });
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) { // equals, hashCode, toString
                return switch (method.getName()) {
                    case "equals" -> args != null && equalsTarget(args[0]);
                    case "hashCode" -> target.hashCode();
                    default -> target.toString();
                };
            }
            CheckedFunction<Object[], Object> decorated = methods.get(method);
            if (decorated == null) {
                throw new UnsupportedOperationException("not a method of the Feign interface: " + method);
            }
            return decorated.apply(args);
        }

        private boolean equalsTarget(@Nullable Object other) {
            if (other == null || !Proxy.isProxyClass(other.getClass())) {
                return false;
            }
            return Proxy.getInvocationHandler(other) instanceof Handler handler && target.equals(handler.target);
        }
    }
}
