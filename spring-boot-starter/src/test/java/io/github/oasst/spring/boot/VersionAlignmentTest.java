package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The versions a Boot application gets with the starter. In the starter's resolved dependency tree
 * (what Maven resolved for its runtime, written by the build's {@code dependency:list}) one Jackson
 * databind, Boot 4's, and every Resilience4j module at one version; the same Resilience4j version on
 * the test class path, beside Resilience4j's Spring Boot starter. And no library older than the
 * version Spring Boot's BOM manages (the project pins some of them; a pin below Boot's would
 * silently downgrade the application), read from the BOM itself, copied from the build's repository.
 */
class VersionAlignmentTest {
    private static final Pattern VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+)(?:[-.][\\w.]+)?\\.jar$");
    private static final Pattern CLASS_PATH_RESILIENCE4J =
            Pattern.compile("/io/github/resilience4j/([\\w-]+)/([^/]+)/[^/]+\\.jar$");

    /** One resolved artifact: {@code group:artifact}, its version, and whether it came in as optional. */
    record Resolved(String module, String version, boolean optional) {}

    @Test
    void theResolvedTreeHasOneJacksonDatabindBoots() throws IOException {
        List<Resolved> tree = resolvedRuntime();

        assertThat(tree).as("the resolved runtime tree").hasSizeGreaterThan(10);
        assertThat(databinds(tree)).containsExactly("tools.jackson.core:jackson-databind");
    }

    @Test
    void theResolvedTreeHasResilience4jAtOneVersion() throws IOException {
        assertThat(resilience4jVersions(resolvedRuntime()))
                .as("Resilience4j modules of the resolved runtime tree")
                .containsExactly("2.4.0");
    }

    @Test
    void theTestClassPathBesideResilience4jsStarterHasResilience4jAtOneVersion() {
        List<Resolved> onClassPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher jar = CLASS_PATH_RESILIENCE4J.matcher(entry.replace('\\', '/'));
            if (jar.find()) {
                onClassPath.add(new Resolved("io.github.resilience4j:" + jar.group(1), jar.group(2), false));
            }
        }

        assertThat(onClassPath)
                .extracting(Resolved::module)
                .contains(
                        "io.github.resilience4j:resilience4j-spring-boot4",
                        "io.github.resilience4j:resilience4j-retry");
        assertThat(resilience4jVersions(onClassPath)).containsExactly("2.4.0");
    }

    @Test
    void theChecksFailOnTwoDatabindsOrMixedResilience4jVersions() {
        List<Resolved> mixed = parse(List.of(
                "The following files have been resolved:",
                "   com.fasterxml.jackson.core:jackson-databind:jar:2.21.8:compile -- module com.fasterxml.jackson.databind",
                "   tools.jackson.core:jackson-databind:jar:3.1.4:compile -- module tools.jackson.databind",
                "   io.github.resilience4j:resilience4j-retry:jar:2.4.0:compile -- module io.github.resilience4j.retry",
                "   io.github.resilience4j:resilience4j-bulkhead:jar:2.3.0:compile (optional)"));

        assertThat(databinds(mixed)).hasSize(2);
        assertThat(resilience4jVersions(mixed)).containsExactly("2.3.0", "2.4.0");
    }

    /** The Jackson databinds among the artifacts, by module. */
    static List<String> databinds(List<Resolved> tree) {
        return tree.stream()
                .map(Resolved::module)
                .filter(module -> module.endsWith(":jackson-databind"))
                .sorted()
                .toList();
    }

    /** The versions of the Resilience4j modules among the artifacts. */
    static Set<String> resilience4jVersions(List<Resolved> tree) {
        return tree.stream()
                .filter(resolved -> resolved.module().startsWith("io.github.resilience4j:"))
                .map(Resolved::version)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Resolved> resolvedRuntime() throws IOException {
        try (InputStream in = VersionAlignmentTest.class.getResourceAsStream("/resolved-runtime-dependencies.txt")) {
            assertThat(in)
                    .as("resolved-runtime-dependencies.txt, written by the build")
                    .isNotNull();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        }
    }

    /** The lines of {@code dependency:list}: {@code group:artifact:type[:classifier]:version:scope}, then notes. */
    static List<Resolved> parse(List<String> lines) {
        List<Resolved> resolved = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            String[] parts = words[0].split(":");
            if (parts.length < 5) {
                continue;
            }
            resolved.add(new Resolved(parts[0] + ":" + parts[1], parts[parts.length - 2], line.contains("(optional)")));
        }
        return resolved;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "org.slf4j.Logger, slf4j.version",
        "ch.qos.logback.classic.Logger, logback.version",
        "com.fasterxml.jackson.databind.ObjectMapper, jackson-2-bom.version",
        "tools.jackson.databind.ObjectMapper, jackson-bom.version",
        "io.micrometer.core.instrument.MeterRegistry, micrometer.version",
        "org.springframework.context.ApplicationContext, spring-framework.version"
    })
    void noLibraryIsOlderThanBootsVersion(String className, String property) throws Exception {
        String managed = bootProperties().get(property);
        String actual = jarVersion(Class.forName(className));

        assertThat(managed).as("%s in Boot's BOM", property).isNotBlank();
        assertThat(compare(actual, managed))
                .as("%s at %s, Boot's BOM manages %s", className, actual, managed)
                .isGreaterThanOrEqualTo(0);
    }

    private static Map<String, String> bootProperties() throws Exception {
        try (InputStream in = VersionAlignmentTest.class.getResourceAsStream("/spring-boot-dependencies.pom")) {
            assertThat(in)
                    .as("spring-boot-dependencies.pom, copied by the build")
                    .isNotNull();
            Element root = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(in)
                    .getDocumentElement();
            Map<String, String> properties = new HashMap<>();
            NodeList nodes = ((Element) root.getElementsByTagName("properties").item(0)).getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node node = nodes.item(i);
                if (node.getNodeType() == Node.ELEMENT_NODE) {
                    properties.put(node.getNodeName(), node.getTextContent().strip());
                }
            }
            return properties;
        }
    }

    private static String jarVersion(Class<?> type) throws URISyntaxException {
        String jar = Path.of(
                        type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getFileName()
                .toString();
        Matcher matcher = VERSION.matcher(jar);
        assertThat(matcher.find()).as("a version in %s", jar).isTrue();
        return matcher.group(1);
    }

    /** Compares dotted numeric versions: 2.0.18 after 2.0.9. */
    static int compare(String left, String right) {
        int[] a = Arrays.stream(left.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] b = Arrays.stream(right.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
