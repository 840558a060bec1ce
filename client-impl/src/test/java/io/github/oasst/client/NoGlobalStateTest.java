package io.github.oasst.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstTasksApi;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No state is shared through the JVM: in the main code of client-api and client-impl, no static
 * field that is not final, no static collection, map or array that can be changed, no static atomic
 * or lock, and no {@link ThreadLocal} at all. What a call needs travels with it.
 */
class NoGlobalStateTest {
    @Test
    void theLibraryKeepsNoStateOutsideItsObjects() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        classes.addAll(classesBeside(OasstTasksApi.class));
        classes.addAll(classesBeside(OasstClient.class));
        assertThat(classes).as("classes found").hasSizeGreaterThan(100);

        List<String> shared = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                String problem = problem(field);
                if (problem != null) {
                    shared.add(type.getName() + "." + field.getName() + ": " + problem);
                }
            }
        }

        assertThat(shared).isEmpty();
    }

    @Test
    void theCheckFindsWhatItLooksFor() throws Exception {
        assertThat(problem(Examples.class.getDeclaredField("counter"))).isEqualTo("a static field that is not final");
        assertThat(problem(Examples.class.getDeclaredField("cache"))).startsWith("a static value that can be changed");
        assertThat(problem(Examples.class.getDeclaredField("table"))).startsWith("a static value that can be changed");
        assertThat(problem(Examples.class.getDeclaredField("perThread"))).isEqualTo("a ThreadLocal");
        assertThat(problem(Examples.class.getDeclaredField("constants"))).isNull();
        assertThat(problem(Examples.class.getDeclaredField("none"))).isNull();
    }

    @SuppressWarnings("unused")
    private static final class Examples {
        private static int counter;
        private static final Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();
        private static final String[] table = {"a"};
        private final ThreadLocal<String> perThread = new ThreadLocal<>();
        private static final List<String> constants = List.of("a");
        private static final byte[] none = new byte[0];
    }

    /** What is wrong with the field, or null. */
    private static String problem(Field field) throws IllegalAccessException {
        if (ThreadLocal.class.isAssignableFrom(field.getType())) {
            return "a ThreadLocal";
        }
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || field.isSynthetic() || field.isEnumConstant()) {
            return null;
        }
        if (!Modifier.isFinal(modifiers)) {
            return "a static field that is not final";
        }
        field.setAccessible(true);
        Object value = field.get(null);
        return value != null && changeable(value) ? "a static value that can be changed: " + value.getClass() : null;
    }

    private static boolean changeable(Object value) {
        String name = value.getClass().getName();
        if (value.getClass().isArray()) {
            return Array.getLength(value) > 0;
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return !(name.startsWith("java.util.ImmutableCollections$")
                    || name.startsWith("java.util.Collections$Unmodifiable")
                    || name.startsWith("java.util.Collections$Empty")
                    || name.startsWith("java.util.Collections$Singleton"));
        }
        return name.startsWith("java.util.concurrent.atomic.") || name.startsWith("java.util.concurrent.locks.");
    }

    /** The classes of the jar or directory the class was loaded from. */
    private static List<Class<?>> classesBeside(Class<?> anchor) throws IOException, URISyntaxException {
        Path location = Path.of(
                anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return classesUnder(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classesUnder(jar.getPath("/"));
        }
    }

    private static List<Class<?>> classesUnder(Path root) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".class")
                        && !relative.endsWith("module-info.class")
                        && !relative.endsWith("package-info.class")) {
                    String name = relative.substring(0, relative.length() - ".class".length())
                            .replace('/', '.');
                    try {
                        classes.add(Class.forName(name, true, NoGlobalStateTest.class.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError e) {
                        throw new AssertionError("cannot load " + name, e);
                    }
                }
            }
        }
        return classes;
    }
}
