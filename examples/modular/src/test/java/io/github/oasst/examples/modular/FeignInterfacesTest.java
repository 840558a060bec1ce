package io.github.oasst.examples.modular;

import static org.assertj.core.api.Assertions.assertThat;

import feign.RequestLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The client's Feign interfaces declare no default method. Feign calls one through {@code
 * MethodHandles.privateLookupIn}, which needs {@code feign.core} to read the interface's module: on
 * the module path it does not (no {@code opens} helps), and building the Feign client fails with
 * "module feign.core does not read module …".
 */
class FeignInterfacesTest {
    @Test
    void theClientsFeignInterfacesHaveNoDefaultMethods() throws IOException {
        ModulePath modules = ModulePath.ofRuntimeDependencies();
        List<Class<?>> feignInterfaces = Stream.of("io.github.oasst.client.api", "io.github.oasst.client")
                .flatMap(module -> classesOf(modules, module))
                .filter(FeignInterfacesTest::isFeignInterface)
                .toList();

        assertThat(feignInterfaces)
                .extracting(Class::getName)
                .contains(
                        "io.github.oasst.client.api.OasstTasksApi",
                        "io.github.oasst.client.api.OasstTasksAsyncApi",
                        "io.github.oasst.client.ServerVersionProbe");
        assertThat(feignInterfaces.stream().flatMap(type -> Arrays.stream(type.getMethods())))
                .filteredOn(Method::isDefault)
                .isEmpty();
    }

    private static boolean isFeignInterface(Class<?> type) {
        return type.isInterface()
                && Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(RequestLine.class));
    }

    private static Stream<Class<?>> classesOf(ModulePath modules, String module) {
        try (ModuleReader reader = modules.reference(module).open();
                Stream<String> entries = reader.list()) {
            return entries
                    .filter(entry -> entry.endsWith(".class") && !entry.endsWith("-info.class"))
                    .map(entry -> entry.substring(0, entry.length() - ".class".length())
                            .replace('/', '.'))
                    .<Class<?>>map(FeignInterfacesTest::load)
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, FeignInterfacesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is not on the test's class path", e);
        }
    }
}
