package io.github.oasst.contract;

import feign.QueryMap;
import feign.RequestLine;
import io.github.oasst.client.api.OasstMessagesApi;
import io.github.oasst.client.protocol.AuthMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operations the client's Feign interfaces declare: every method with a {@link RequestLine}
 * in the interfaces of {@value #API_PACKAGE}, found by listing the package's classes where the
 * class path has them (a jar, or a directory of classes in a reactor build).
 */
final class ClientOperations {
    static final String API_PACKAGE = "io.github.oasst.client.api";

    private static final List<ClientOperation> ALL = scan();

    /**
     * One {@code @RequestLine} method.
     *
     * @param httpMethod {@code GET}, {@code POST}, …
     * @param pathTemplate the path of the request line, without its query
     * @param queryParameters the names of the query parameters the request line or its query object
     *     ({@code @QueryMap}) sends
     */
    record ClientOperation(
            Class<?> api, Method method, String httpMethod, String pathTemplate, Set<String> queryParameters) {
        ClientOperation {
            queryParameters = Set.copyOf(queryParameters);
        }

        String key() {
            return SchemaOperation.key(httpMethod, pathTemplate);
        }

        /**
         * {@code Interface#method}, with the parameter types when the interface has more than one
         * request method of the name: {@code OasstUsersApi#getUserStats(UUID, TimeFrame)}.
         */
        String label() {
            long sameName = Arrays.stream(api.getMethods())
                    .filter(other -> other.getName().equals(method.getName()))
                    .filter(other -> other.isAnnotationPresent(RequestLine.class))
                    .count();
            String label = api.getSimpleName() + "#" + method.getName();
            if (sameName < 2) {
                return label;
            }
            return label
                    + Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName)
                            .collect(Collectors.joining(", ", "(", ")"));
        }

        @Override
        public String toString() {
            return label() + " [" + httpMethod + " " + pathTemplate + "]";
        }
    }

    private ClientOperations() {}

    /** Every request method of every interface of the package, ordered by interface and method. */
    static List<ClientOperation> all() {
        return ALL;
    }

    /** The request methods of a key, in every interface. */
    static List<ClientOperation> of(String key) {
        return ALL.stream().filter(operation -> operation.key().equals(key)).toList();
    }

    /** The interfaces of the package with at least one request method. */
    static Set<Class<?>> interfaces() {
        return ALL.stream().map(ClientOperation::api).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static ClientOperation parse(Class<?> api, Method method) {
        String line = method.getAnnotation(RequestLine.class).value().strip();
        int space = line.indexOf(' ');
        if (space < 0) {
            throw new IllegalStateException("request line without a path: " + line + " on " + method);
        }
        String target = line.substring(space + 1).strip();
        int query = target.indexOf('?');
        Set<String> parameters = new LinkedHashSet<>();
        if (query >= 0) {
            for (String pair : target.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                parameters.add(equals < 0 ? pair : pair.substring(0, equals));
            }
        }
        for (int i = 0; i < method.getParameterCount(); i++) {
            if (Arrays.stream(method.getParameterAnnotations()[i]).anyMatch(QueryMap.class::isInstance)) {
                parameters.addAll(queryObjectParameters(method.getParameterTypes()[i]));
            }
        }
        return new ClientOperation(
                api, method, line.substring(0, space), query < 0 ? target : target.substring(0, query), parameters);
    }

    /** The names a query object can send: those of a query built with every field of its builder set. */
    static Set<String> queryObjectParameters(Class<?> queryType) {
        try {
            Object builder = queryType.getMethod("builder").invoke(null);
            for (Method setter : builder.getClass().getMethods()) {
                // a setter returns its builder; one inherited from a shared base returns that base
                if (setter.getReturnType() != Object.class
                        && setter.getReturnType().isAssignableFrom(builder.getClass())
                        && setter.getParameterCount() == 1) {
                    setter.invoke(builder, sample(setter.getParameterTypes()[0]));
                }
            }
            Map<?, ?> query = (Map<?, ?>) builder.getClass().getMethod("build").invoke(builder);
            return query.keySet().stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + queryType.getSimpleName(), e);
        }
    }

    private static Object sample(Class<?> type) {
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == UUID.class) {
            return DataFixtures.USER_ID;
        }
        if (type == Instant.class) {
            return DataFixtures.START;
        }
        if (type == AuthMethod.class) {
            return DataFixtures.AUTH_METHOD;
        }
        if (type == String.class) {
            return "x";
        }
        throw new IllegalStateException("no sample of " + type.getName() + " for a query object");
    }

    private static List<ClientOperation> scan() {
        List<ClientOperation> found = new ArrayList<>();
        for (Class<?> type : classesOfPackage()) {
            if (!type.isInterface()) {
                continue;
            }
            Arrays.stream(type.getMethods())
                    .filter(method -> method.isAnnotationPresent(RequestLine.class))
                    .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
                    .forEach(method -> found.add(parse(type, method)));
        }
        return List.copyOf(found);
    }

    private static List<Class<?>> classesOfPackage() {
        String folder = API_PACKAGE.replace('.', '/') + "/";
        List<String> names;
        try {
            Path location = Path.of(OasstMessagesApi.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(folder))) {
                    names = files.map(file -> folder + file.getFileName()).toList();
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    names = jar.stream().map(entry -> entry.getName()).toList();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        names.stream()
                .filter(name -> name.startsWith(folder) && name.endsWith(".class"))
                .map(name -> name.substring(0, name.length() - ".class".length()))
                .filter(name -> name.indexOf('/', folder.length()) < 0 && !name.contains("$"))
                .sorted()
                .forEach(name -> classes.add(load(name.replace('/', '.'))));
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes of " + API_PACKAGE + " found");
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ClientOperations.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
