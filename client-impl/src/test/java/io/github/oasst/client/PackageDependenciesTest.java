package io.github.oasst.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of client-impl depend on each other in one direction, read from the compiled classes
 * by {@code jdeps}: the facade on the internals, the internals on the retry values, the retry values
 * on nothing of the client's but client-api; no cycle.
 */
class PackageDependenciesTest {
    private static final String ROOT = "io.github.oasst.client";

    /** Each package of client-impl and the others of client-impl it uses. */
    private static Map<String, Set<String>> dependencies() throws Exception {
        return dependencies(OasstClient.class, pkg -> !isApi(pkg));
    }

    /** Each package of the classes beside the anchor that the filter keeps, and the others it uses. */
    private static Map<String, Set<String>> dependencies(Class<?> anchor, Predicate<String> kept) throws Exception {
        Path classes = packageTree(Path.of(
                anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(
                new PrintWriter(out),
                new PrintWriter(out),
                "-verbose:package",
                "-e",
                "io\\.github\\.oasst\\..*",
                // the package tree, not the classes directory: jdeps would read its module-info.class
                // and resolve the module's requires, which are not on a module path here
                classes.toString());
        assertThat(status).as(out.toString()).isZero();
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith(ROOT) && kept.test(parts[0])) {
                Set<String> used = uses.computeIfAbsent(parts[0], p -> new TreeSet<>());
                if (parts[2].startsWith(ROOT) && kept.test(parts[2]) && !parts[0].equals(parts[2])) {
                    used.add(parts[2]);
                }
            }
        }
        return uses;
    }

    /**
     * The {@code io} tree of a classes directory, or of a jar (as a reactor build that has packaged
     * the module gives), copied out so that jdeps reads classes and not a module descriptor.
     */
    private static Path packageTree(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return location.resolve("io");
        }
        Path copy = Files.createTempDirectory("package-tree");
        try (FileSystem jar = FileSystems.newFileSystem(location);
                Stream<Path> entries = Files.walk(jar.getPath("/io"))) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(entry.toString().substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(entry, target);
            }
        }
        return copy.resolve("io");
    }

    private static boolean isApi(String pkg) {
        return pkg.equals(ROOT + ".api") || pkg.equals(ROOT + ".protocol") || pkg.equals(ROOT + ".data");
    }

    @Test
    void thePackagesDependOnEachOtherInOneDirection() throws Exception {
        Map<String, Set<String>> uses = dependencies();

        assertThat(uses).containsKeys(ROOT, ROOT + ".retry", ROOT + ".internal.retry", ROOT + ".internal.http");
        assertThat(uses.get(ROOT + ".retry"))
                .as("the retry values use no other package of the client")
                .isEmpty();
        uses.forEach((pkg, used) -> {
            if (pkg.startsWith(ROOT + ".internal")) {
                assertThat(used).as(pkg).doesNotContain(ROOT);
            }
        });
        assertThat(cycles(uses)).isEmpty();
    }

    @Test
    void theApiPackagesDependOnEachOtherInOneDirection() throws Exception {
        Map<String, Set<String>> uses = dependencies(OasstError.class, pkg -> true);

        assertThat(uses).containsKeys(ROOT + ".api", ROOT + ".data", ROOT + ".protocol");
        assertThat(uses.get(ROOT + ".data")).contains(ROOT + ".internal");
        assertThat(uses.getOrDefault(ROOT + ".internal", Set.of()))
                .as("the shared checks and escapes use no other package")
                .isEmpty();
        assertThat(cycles(uses)).isEmpty();
    }

    @Test
    void theCycleCheckFindsACycle() {
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))))
                .isNotEmpty();
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of())))
                .isEmpty();
    }

    /** The packages that reach themselves through others. */
    private static List<String> cycles(Map<String, Set<String>> uses) {
        List<String> cyclic = new ArrayList<>();
        for (String start : uses.keySet()) {
            Set<String> seen = new TreeSet<>();
            List<String> next = new ArrayList<>(uses.getOrDefault(start, Set.of()));
            while (!next.isEmpty()) {
                String pkg = next.remove(next.size() - 1);
                if (pkg.equals(start)) {
                    cyclic.add(start);
                    break;
                }
                if (seen.add(pkg)) {
                    next.addAll(uses.getOrDefault(pkg, Set.of()));
                }
            }
        }
        return cyclic;
    }
}
