package io.github.oasst.examples.modular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The descriptors of the client's modules as built (the jars once the reactor has packaged them,
 * their classes directories before): each exports exactly its public packages; every other package
 * is an {@code internal} one; only the records' packages are open, to Jackson alone.
 */
class ModuleDescriptorsTest {
    static final List<String> CLIENT_MODULES =
            List.of("io.github.oasst.client.api", "io.github.oasst.client", "io.github.oasst.client.testkit");

    private static final Map<String, Set<String>> PUBLIC_PACKAGES = Map.of(
            "io.github.oasst.client.api",
            Set.of("io.github.oasst.client.api", "io.github.oasst.client.protocol", "io.github.oasst.client.data"),
            "io.github.oasst.client",
            Set.of("io.github.oasst.client", "io.github.oasst.client.retry"),
            "io.github.oasst.client.testkit",
            Set.of("io.github.oasst.client.testkit", "io.github.oasst.client.testkit.spring"));

    private static final String SPRING_TEST_SUPPORT = "io.github.oasst.client.testkit.spring";

    private static final Set<String> JACKSON = Set.of("com.fasterxml.jackson.databind", "tools.jackson.databind");

    private static ModulePath modulePath;

    @BeforeAll
    static void findTheModules() throws IOException {
        modulePath = ModulePath.ofRuntimeDependencies();
    }

    @ParameterizedTest
    @FieldSource("CLIENT_MODULES")
    void aModuleExportsExactlyItsPublicPackages(String name) {
        ModuleDescriptor descriptor = modulePath.descriptor(name);

        assertThat(descriptor.isAutomatic()).as("automatic").isFalse();
        assertThat(descriptor.isOpen()).as("open").isFalse();
        assertThat(descriptor.exports().stream()
                        .filter(export -> !export.isQualified())
                        .map(Exports::source))
                .containsExactlyInAnyOrderElementsOf(PUBLIC_PACKAGES.get(name));
    }

    @ParameterizedTest
    @FieldSource("CLIENT_MODULES")
    void everyOtherPackageIsInternalAndExportedAtMostToTheClientsModulesAndFeign(String name) {
        ModuleDescriptor descriptor = modulePath.descriptor(name);
        Set<String> allowedTargets = new HashSet<>(CLIENT_MODULES);
        allowedTargets.add("feign.core");

        assertThat(descriptor.packages())
                .filteredOn(pkg -> !PUBLIC_PACKAGES.get(name).contains(pkg))
                .allMatch(pkg -> pkg.contains(".internal"), "an internal package");
        assertThat(descriptor.exports())
                .filteredOn(Exports::isQualified)
                .allMatch(export -> export.source().contains(".internal"), "of an internal package")
                .allMatch(export -> allowedTargets.containsAll(export.targets()), "to " + allowedTargets);
    }

    @Test
    void theClientsFeignCapabilityIsExportedToFeignAlone() {
        assertThat(modulePath.descriptor("io.github.oasst.client").exports())
                .filteredOn(Exports::isQualified)
                .extracting(Exports::source, Exports::targets)
                .containsExactly(tuple("io.github.oasst.client.internal.feign", Set.of("feign.core")));
    }

    @ParameterizedTest
    @FieldSource("CLIENT_MODULES")
    void onlyPackagesOfRecordsAreOpenAndOnlyToJackson(String name) {
        ModuleDescriptor descriptor = modulePath.descriptor(name);

        assertThat(descriptor.opens()).allMatch(Opens::isQualified, "qualified");
        assertThat(descriptor.opens())
                .filteredOn(opens -> !opens.source().equals(SPRING_TEST_SUPPORT))
                .allMatch(opens -> JACKSON.containsAll(opens.targets()), "to Jackson only")
                .allMatch(opens -> PUBLIC_PACKAGES.get(name).contains(opens.source()), "a public package");
    }

    @Test
    void theSpringTestSupportIsOpenToSpringAloneForTheClassesItsFactoriesFileNames() {
        assertThat(modulePath.descriptor("io.github.oasst.client.testkit").opens())
                .filteredOn(opens -> opens.source().equals(SPRING_TEST_SUPPORT))
                .extracting(Opens::targets)
                .containsExactly(Set.of("spring.core"));
    }

    @Test
    void theRecordsOfTheApiAreOpenToBothJacksons() {
        Map<String, Set<String>> opens = modulePath.descriptor("io.github.oasst.client.api").opens().stream()
                .collect(Collectors.toMap(Opens::source, Opens::targets));

        assertThat(opens)
                .containsOnlyKeys("io.github.oasst.client.protocol", "io.github.oasst.client.data")
                .allSatisfy((pkg, targets) -> assertThat(targets).isEqualTo(JACKSON));
    }

    @Test
    void theClientHandsOnTheApiAndTheTypesOfItsSignaturesAndJackson3StaysOptional() {
        Map<String, Set<Requires.Modifier>> requires = requires("io.github.oasst.client");

        assertThat(requires)
                .containsEntry("io.github.oasst.client.api", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("feign.core", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("okhttp3", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("io.github.resilience4j.retry", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("io.github.resilience4j.circuitbreaker", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("com.fasterxml.jackson.databind", Set.of())
                .containsEntry("tools.jackson.databind", Set.of(Requires.Modifier.STATIC));
        assertThat(requires("io.github.oasst.client.api"))
                .containsEntry("feign.core", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("com.fasterxml.jackson.annotation", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("org.jspecify", Set.of(Requires.Modifier.TRANSITIVE));
    }

    @Test
    void theTestkitRequiresNoWireMockModule() {
        assertThat(requires("io.github.oasst.client.testkit"))
                .containsEntry("io.github.oasst.client.api", Set.of(Requires.Modifier.TRANSITIVE))
                .containsEntry("org.junit.jupiter.api", Set.of(Requires.Modifier.TRANSITIVE))
                .doesNotContainKey("wiremock.standalone");
    }

    @ParameterizedTest
    @FieldSource("CLIENT_MODULES")
    void aPackagedJarsManifestNamesNoOtherModule(String name) throws IOException {
        Path location = modulePath.location(name);
        assumeTrue(Files.isRegularFile(location), () -> name + " is a classes directory before package: " + location);

        try (JarFile jar = new JarFile(location.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(jar.getEntry("module-info.class"))
                    .as("module-info.class")
                    .isNotNull();
            String automaticName = manifest.getValue("Automatic-Module-Name");
            assertThat(automaticName == null || automaticName.equals(name))
                    .as("Automatic-Module-Name " + automaticName)
                    .isTrue();
        }
    }

    private static Map<String, Set<Requires.Modifier>> requires(String name) {
        return modulePath.descriptor(name).requires().stream()
                .collect(Collectors.toMap(Requires::name, Requires::modifiers));
    }
}
