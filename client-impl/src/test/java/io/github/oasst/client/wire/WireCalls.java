package io.github.oasst.client.wire;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstData;
import io.github.oasst.client.api.PathSegment;
import io.github.oasst.client.api.QueryValue;
import io.github.oasst.client.data.CachedStatsName;
import io.github.oasst.client.data.CreateFrontendUserRequest;
import io.github.oasst.client.data.EmojiCode;
import io.github.oasst.client.data.MessageEmojiRequest;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Every operation of every interface a client hands out, called with generated arguments, for tests
 * of what goes on the wire: the interfaces ({@link OasstClient#tasksApi()}, {@link
 * OasstClient#tasksAsyncApi()} and those of {@link OasstData}, found by reflection so that a new
 * one is covered too), their methods, the values each call sends ({@link Slot}s: its {@code @Param}
 * parameters and every field of its query object, found by reflection too), and arguments of every
 * declared type.
 */
public final class WireCalls {
    /** The parameter types whose text is escaped by {@link PathSegment} or {@link QueryValue}. */
    public static final List<Class<?>> TEXT_TYPES = List.of(String.class, AuthMethod.class);

    /** The parameter types sent in a header, checked by {@link io.github.oasst.client.api.OasstUserHeader}. */
    public static final List<Class<?>> HEADER_TYPES = List.of(User.class);

    /** The other parameter types of paths and queries, whose text is always unreserved or escaped by Feign. */
    public static final List<Class<?>> OTHER_TYPES = List.of(
            UUID.class,
            Integer.class,
            int.class,
            Boolean.class,
            boolean.class,
            Instant.class,
            TimeFrame.class,
            CachedStatsName.class);

    /**
     * The text fields of query objects that the schema bounds, with their longest length (in code
     * points): a longer text is refused by the query's {@code build()}.
     */
    public static final Map<String, Integer> TEXT_BOUNDS = Map.of("UserCursorQuery.sortKey", 32);

    /**
     * A generated call.
     *
     * @param args the arguments; a refused query object is null
     * @param values what each slot sends, by its name; a slot left out is absent
     * @param refusal what a query object's {@code build()} threw, or null
     */
    public record Call(
            Object[] args,
            Map<String, Object> values,
            @Nullable IllegalArgumentException refusal) {}

    private static final User USER = User.local("wire-user", "Wire User");

    private static final Map<Class<?>, Object> BODIES = Map.of(
            TaskRequest.class,
            TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER),
            TaskAck.class,
            new TaskAck("frontend-message-1"),
            TaskNAck.class,
            new TaskNAck("not shown"),
            TaskClose.class,
            new TaskClose("frontend-message-1"),
            Interaction.class,
            TextReplyToMessage.of(USER, "frontend-message-1", "user-message-1", "A reply."),
            User.class,
            USER,
            TextLabels.class,
            TextLabels.of(USER, new UUID(1, 2), "text", Map.of(TextLabel.SPAM, 0.0)),
            CreateFrontendUserRequest.class,
            CreateFrontendUserRequest.of("wire-user", "Wire User", AuthMethod.LOCAL),
            MessageEmojiRequest.class,
            new MessageEmojiRequest(USER, null, EmojiCode.THUMBS_UP));

    private WireCalls() {}

    /** The interfaces the client hands out, each with the client's proxy of it. */
    public static Map<Class<?>, Object> interfaces(OasstClient client) {
        Map<Class<?>, Object> interfaces = new LinkedHashMap<>();
        interfaces.put(io.github.oasst.client.api.OasstTasksApi.class, client.tasksApi());
        interfaces.put(io.github.oasst.client.api.OasstTasksAsyncApi.class, client.tasksAsyncApi());
        for (Method getter : OasstData.class.getMethods()) {
            Class<?> type = getter.getReturnType();
            if (getter.getParameterCount() == 0
                    && type.isInterface()
                    && !methods(type).isEmpty()) {
                try {
                    interfaces.put(type, getter.invoke(client.data()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return interfaces;
    }

    /** The interface's methods that send a request, in a stable order. */
    public static List<Method> methods(Class<?> api) {
        return Arrays.stream(api.getMethods())
                .filter(method -> method.isAnnotationPresent(RequestLine.class))
                .sorted(Comparator.comparing(Method::toGenericString))
                .toList();
    }

    /** The header a parameter fills ({@code @Headers("name: {param}")} on its method), or null. */
    public static @Nullable String headerOf(Method method, String param) {
        feign.Headers headers = method.getAnnotation(feign.Headers.class);
        if (headers == null) {
            return null;
        }
        for (String header : headers.value()) {
            int colon = header.indexOf(':');
            if (header.substring(colon + 1).trim().equals("{" + param + "}")) {
                return header.substring(0, colon).trim();
            }
        }
        return null;
    }

    /** The name a parameter has in the request line, or null for a body. */
    public static @Nullable String paramName(Method method, int index) {
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof Param param) {
                return param.value();
            }
        }
        return null;
    }

    /** The expander a parameter declares, or null. */
    public static @Nullable Class<?> expander(Method method, int index) {
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof Param param && param.expander() != Param.ToStringExpander.class) {
                return param.expander();
            }
        }
        return null;
    }

    /**
     * A call with a value for every slot, drawn from {@code random} ({@code texts} gives the text of
     * a text slot), but the optional slots {@code leaveOut} picks; a body sample for every other
     * parameter.
     *
     * @throws IllegalArgumentException when a text cannot name an auth method (a blank one)
     */
    public static Call generate(Method method, Random random, Function<Slot, String> texts, Predicate<Slot> leaveOut) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        Map<String, Object> values = new LinkedHashMap<>();
        Map<Integer, Object> builders = new LinkedHashMap<>();
        for (int i = 0; i < types.length; i++) {
            if (paramName(method, i) == null && !Slot.isQueryObject(method, i)) {
                args[i] = body(types[i]);
            } else if (Slot.isQueryObject(method, i)) {
                builders.put(i, builderOf(types[i]));
            }
        }
        for (Slot slot : Slot.of(method)) {
            if (slot.optional() && leaveOut.test(slot)) {
                continue;
            }
            Object value = value(slot, random, texts);
            values.put(slot.name(), value);
            if (slot.inQueryObject()) {
                invoke(slot.setter(), builders.get(slot.index()), value);
            } else {
                args[slot.index()] = value;
            }
        }
        IllegalArgumentException refusal = null;
        for (Map.Entry<Integer, Object> builder : builders.entrySet()) {
            try {
                args[builder.getKey()] = invoke(builder.getValue().getClass().getMethod("build"), builder.getValue());
            } catch (IllegalArgumentException e) {
                refusal = e;
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
        return new Call(args, values, refusal);
    }

    private static Object value(Slot slot, Random random, Function<Slot, String> texts) {
        Class<?> type = slot.type();
        if (type == String.class) {
            return texts.apply(slot);
        }
        if (type == AuthMethod.class) {
            return AuthMethod.of(texts.apply(slot));
        }
        if (type == User.class) {
            return User.discord(texts.apply(slot), "Wire User");
        }
        if (type == int.class) {
            return 1 + random.nextInt(1000); // a count: within every query's bounds
        }
        return value(type, random);
    }

    private static Object builderOf(Class<?> queryType) {
        try {
            return invoke(queryType.getMethod("builder"), null);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(queryType + " has no builder(): a query object the wire tests can make", e);
        }
    }

    /** Invokes the method; its exception is thrown as it is. */
    private static Object invoke(Method method, @Nullable Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** The text a server should decode for an argument or a query object's field. */
    public static String wireText(Object arg) {
        return arg instanceof User user ? user.authMethod() + ":" + user.id() : arg.toString();
    }

    /** Calls the method; an asynchronous one is waited for. Its exception is thrown as it is. */
    public static @Nullable Object call(Object proxy, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(proxy, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof CompletableFuture<?> future) {
            try {
                return future.join();
            } catch (CompletionException e) {
                throw e.getCause();
            }
        }
        return result;
    }

    private static Object body(Class<?> type) {
        Object body = BODIES.get(type);
        if (body == null) {
            throw new AssertionError("no sample body of " + type.getName() + ": add one to WireCalls");
        }
        return body;
    }

    private static Object value(Class<?> type, Random random) {
        if (type == UUID.class) {
            return new UUID(random.nextLong(), random.nextLong());
        }
        if (type == Integer.class) {
            return random.nextInt(2000) - 1000;
        }
        if (type == Boolean.class || type == boolean.class) {
            return random.nextBoolean();
        }
        if (type == Instant.class) {
            return Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        throw new AssertionError("no generator of " + type.getName() + ": add one to WireCalls");
    }
}
