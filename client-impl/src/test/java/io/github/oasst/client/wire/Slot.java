package io.github.oasst.client.wire;

import feign.QueryMap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A value a call sends: a parameter named by {@code @Param} (in the path, the query or a header),
 * or a field of the call's query object (its {@code @QueryMap} parameter), which the query's
 * builder sets by the method of the field's name.
 *
 * @param index the parameter's index
 * @param name the parameter's name, or the field's
 * @param type the parameter's type, or the type the field's builder method takes
 * @param setter the field's builder method; null for a parameter
 * @param optional whether the call may leave it out: a nullable parameter, or any field
 */
public record Slot(
        int index, String name, Class<?> type, @Nullable Method setter, boolean optional) {
    public boolean inQueryObject() {
        return setter != null;
    }

    /** How a refusal names it: the parameter's name, or the query class's and the field's ({@code UserQuery.searchText}). */
    public String label() {
        return setter == null
                ? name
                : setter.getDeclaringClass().getEnclosingClass().getSimpleName() + "." + name;
    }

    /** Whether the parameter is a query object ({@code @QueryMap}). */
    public static boolean isQueryObject(Method method, int index) {
        return Arrays.stream(method.getParameterAnnotations()[index]).anyMatch(QueryMap.class::isInstance);
    }

    /**
     * The builder methods of a query class's fields: the public methods of its {@code Builder} that
     * take one value and return the builder (or the base it inherits them from), in a stable order.
     */
    public static List<Method> setters(Class<?> queryType) {
        Class<?> builder;
        try {
            builder = queryType.getMethod("builder").getReturnType();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(queryType + " has no builder(): a query object the wire tests can make", e);
        }
        return Arrays.stream(builder.getMethods())
                // a setter the builder inherits from a shared base returns that base, as erased
                .filter(method -> method.getParameterCount() == 1
                        && method.getReturnType().isAssignableFrom(builder)
                        && method.getReturnType() != Object.class)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    /** The values a method's calls send: its {@code @Param} parameters, then its query object's fields. */
    public static List<Slot> of(Method method) {
        List<Slot> slots = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            String name = WireCalls.paramName(method, i);
            Class<?> type = method.getParameterTypes()[i];
            if (name != null) {
                boolean nullable = !type.isPrimitive()
                        && method.getAnnotatedParameterTypes()[i].isAnnotationPresent(Nullable.class);
                slots.add(new Slot(i, name, type, null, nullable));
            } else if (isQueryObject(method, i)) {
                for (Method setter : setters(type)) {
                    slots.add(new Slot(i, setter.getName(), setter.getParameterTypes()[0], setter, true));
                }
            }
        }
        for (Slot slot : slots) {
            if (!names.add(slot.name())) {
                throw new AssertionError(method + " sends " + slot.name() + " twice");
            }
        }
        return slots;
    }
}
