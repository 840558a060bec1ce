package io.github.oasst.client.internal.feign;

import feign.Param;
import feign.QueryMap;
import io.github.oasst.client.api.OasstUserHeader;
import io.github.oasst.client.api.PathSegment;
import io.github.oasst.client.api.QueryValue;
import io.github.oasst.client.protocol.User;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a method's arguments before anything is sent, each failure naming the parameter:
 * a null where a null-marked interface (JSpecify {@code @NullMarked}, as the client's own are)
 * declares a parameter non-null fails with {@link NullPointerException}; a text that {@link
 * PathSegment} or {@link QueryValue} cannot send exactly, or a user that {@link OasstUserHeader}
 * cannot name, fails with {@link IllegalArgumentException}.
 * A parameter of an interface that is not null-marked may be null, as plain Feign allows.
 */
final class Arguments {
    private enum Escape {
        NONE,
        PATH,
        QUERY,
        USER_HEADER
    }

    /** Per parameter: its name for messages, whether null is refused, how its text is escaped. */
    private final @Nullable String[] names;

    private final boolean[] required;
    private final Escape[] escapes;

    private Arguments(@Nullable String[] names, boolean[] required, Escape[] escapes) {
        this.names = names;
        this.required = required;
        this.escapes = escapes;
    }

    static Arguments of(Method method) {
        AnnotatedType[] types = method.getAnnotatedParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        boolean nullMarked = nullMarked(method);
        String prefix = method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": ";
        @Nullable String[] names = new String[types.length];
        boolean[] required = new boolean[types.length];
        Escape[] escapes = new Escape[types.length];
        for (int i = 0; i < types.length; i++) {
            String name = "argument " + i;
            Escape escape = Escape.NONE;
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof Param param) {
                    name = param.value();
                    escape = escape(param);
                } else if (annotation instanceof QueryMap) {
                    name = method.getParameterTypes()[i].getSimpleName(); // a query object: its type
                }
            }
            required[i] = nullMarked
                    && !types[i].isAnnotationPresent(Nullable.class)
                    && !method.getParameterTypes()[i].isPrimitive();
            escapes[i] = escape;
            names[i] = required[i] || escape != Escape.NONE ? prefix + name : null;
        }
        return new Arguments(names, required, escapes);
    }

    boolean checksNothing() {
        for (String name : names) {
            if (name != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws NullPointerException for a null where the interface declares the parameter non-null
     * @throws IllegalArgumentException for a text that cannot be sent exactly
     */
    void check(Object @Nullable [] args) {
        if (args == null) {
            return;
        }
        for (int i = 0; i < args.length && i < names.length; i++) {
            String name = names[i];
            if (name == null) {
                continue;
            }
            Object arg = args[i];
            if (arg == null) {
                if (required[i]) {
                    throw new NullPointerException(name + " must not be null");
                }
                continue;
            }
            switch (escapes[i]) {
                case PATH -> PathSegment.escape(arg, name);
                case QUERY -> QueryValue.escape(arg, name);
                case USER_HEADER -> {
                    if (arg instanceof User user) {
                        OasstUserHeader.forTemplate(user, name);
                    }
                }
                case NONE -> {}
            }
        }
    }

    private static Escape escape(Param param) {
        Class<?> expander = param.expander();
        if (expander == PathSegment.class) {
            return Escape.PATH;
        }
        if (expander == QueryValue.class) {
            return Escape.QUERY;
        }
        return expander == OasstUserHeader.class ? Escape.USER_HEADER : Escape.NONE;
    }

    /** Whether the method is in a JSpecify null-marked scope: itself, its types, its package or module. */
    static boolean nullMarked(Method method) {
        if (method.isAnnotationPresent(NullUnmarked.class)) {
            return false;
        }
        if (method.isAnnotationPresent(NullMarked.class)) {
            return true;
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getEnclosingClass()) {
            if (type.isAnnotationPresent(NullUnmarked.class)) {
                return false;
            }
            if (type.isAnnotationPresent(NullMarked.class)) {
                return true;
            }
        }
        Package pkg = method.getDeclaringClass().getPackage();
        if (pkg != null && pkg.isAnnotationPresent(NullUnmarked.class)) {
            return false;
        }
        return (pkg != null && pkg.isAnnotationPresent(NullMarked.class))
                || method.getDeclaringClass().getModule().isAnnotationPresent(NullMarked.class);
    }
}
