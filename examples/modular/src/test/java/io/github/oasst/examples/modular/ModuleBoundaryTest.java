package io.github.oasst.examples.modular;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A module that requires the client's modules compiles against what they export, and fails to
 * compile when it imports a class of a package they keep (the {@code internal} ones): javac says the
 * module does not export it.
 */
class ModuleBoundaryTest {
    @TempDir
    Path work;

    private static ModulePath modulePath;

    @BeforeAll
    static void findTheModules() throws IOException {
        modulePath = ModulePath.ofRuntimeDependencies();
    }

    /** Every package of the client's modules that their descriptors do not export, with a class of it. */
    static Stream<Arguments> keptPackages() throws IOException {
        ModulePath modules = ModulePath.ofRuntimeDependencies();
        return ModuleDescriptorsTest.CLIENT_MODULES.stream().flatMap(name -> {
            ModuleDescriptor descriptor = modules.descriptor(name);
            return descriptor.packages().stream()
                    .filter(pkg -> descriptor.exports().stream()
                            .noneMatch(export ->
                                    !export.isQualified() && export.source().equals(pkg)))
                    .sorted()
                    .map(pkg -> Arguments.of(name, classIn(modules, name, pkg)));
        });
    }

    @Test
    void theClientsModulesHaveInternalPackagesToKeep() throws IOException {
        assertThat(keptPackages().map(arguments -> (String) arguments.get()[1]))
                .anyMatch(type -> type.startsWith("io.github.oasst.client.internal.http."))
                .anyMatch(type -> type.startsWith("io.github.oasst.client.internal.codec."))
                .anyMatch(type -> type.startsWith("io.github.oasst.client.internal.retry."));
    }

    @Test
    void aModuleCompilesAgainstTheExportedPackages() throws IOException {
        ModulePath.Compilation compilation = compileProbe(
                List.of("io.github.oasst.client", "io.github.oasst.client.testkit"),
                "io.github.oasst.client.OasstClient",
                "io.github.oasst.client.retry.RetryPolicy",
                "io.github.oasst.client.api.OasstTasksApi",
                "io.github.oasst.client.protocol.Task",
                "io.github.oasst.client.data.Message",
                "io.github.oasst.client.testkit.FakeOasstBackend");

        assertThat(compilation.success()).as(compilation.toString()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("keptPackages")
    void aModuleImportingAKeptPackageDoesNotCompile(String module, String type) throws IOException {
        String pkg = type.substring(0, type.lastIndexOf('.'));

        ModulePath.Compilation compilation = compileProbe(List.of(module), type);

        assertThat(compilation.success()).as(compilation.toString()).isFalse();
        assertThat(compilation.errors())
                .as(compilation.toString())
                .anyMatch(error -> error.contains("package " + pkg + " is not visible")
                        && error.contains("module " + module + ", which does not export it"));
    }

    /** Compiles a module {@code probe} that requires {@code modules} and imports {@code types}. */
    private ModulePath.Compilation compileProbe(List<String> modules, String... types) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/probe"));
        StringBuilder moduleInfo = new StringBuilder("module probe {\n");
        modules.forEach(
                module -> moduleInfo.append("    requires ").append(module).append(";\n"));
        Files.writeString(sources.resolve("module-info.java"), moduleInfo.append("}\n"), UTF_8);
        StringBuilder probe = new StringBuilder("package probe;\n\n");
        for (String type : types) {
            probe.append("import ").append(type).append(";\n");
        }
        probe.append("\npublic final class Probe {\n    private Probe() {}\n}\n");
        Files.writeString(Files.createDirectories(sources.resolve("probe")).resolve("Probe.java"), probe, UTF_8);
        return modulePath.compile(sources, Files.createDirectories(work.resolve("out")));
    }

    /** A top-level class of {@code pkg} in the module, by name. */
    private static String classIn(ModulePath modules, String module, String pkg) {
        String prefix = pkg.replace('.', '/') + "/";
        try (ModuleReader reader = modules.reference(module).open();
                Stream<String> entries = reader.list()) {
            return entries.filter(entry -> entry.startsWith(prefix)
                            && entry.endsWith(".class")
                            && entry.indexOf('/', prefix.length()) < 0
                            && !entry.contains("$")
                            && !entry.endsWith("package-info.class"))
                    .sorted()
                    .map(entry -> entry.substring(0, entry.length() - ".class".length())
                            .replace('/', '.'))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no class in " + pkg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
