package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * No library on the class path of a Boot application with the starter is older than the version
 * Spring Boot's BOM manages (the project pins some of them; a pin below Boot's would silently
 * downgrade the application). Read from the BOM itself, copied from the build's repository.
 */
class VersionAlignmentTest {
    private static final Pattern VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+)(?:[-.][\\w.]+)?\\.jar$");

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
