package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README is a tagged region ({@code // tag::name[]} … {@code //
 * end::name[]}) of a Java source of the project, character for character but for indentation, so
 * that the build compiles it and a test runs it: the README cannot drift from the API.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern TAG =
            Pattern.compile("(?m)^\\s*// tag::([\\w-]+)\\[]\\n(.*?)^\\s*// end::\\1\\[]$", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsTaggedCodeOfTheBuild() throws IOException {
        Path root = projectRoot();
        Map<String, String> regions = taggedRegions(root);
        List<String> blocks = javaBlocks(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));

        assertThat(blocks).as("Java blocks in the README").isNotEmpty();
        List<String> untagged = new ArrayList<>();
        for (String block : blocks) {
            if (!regions.containsValue(block)) {
                untagged.add(block);
            }
        }
        assertThat(untagged)
                .as("README blocks that are no tagged region of a Java source (tags: %s)", regions.keySet())
                .isEmpty();
    }

    @Test
    void theCheckSeesADifferenceOfOneCharacter() throws IOException {
        Map<String, String> regions = taggedRegions(projectRoot());
        String usage = regions.get("usage");

        assertThat(usage).isNotNull().contains("client.ackTask(");
        assertThat(regions.containsValue(usage.replace("ackTask", "ackTsk"))).isFalse();
    }

    /** The README's Java blocks, without their common indentation. */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(markdown);
        while (matcher.find()) {
            blocks.add(normalize(matcher.group(1)));
        }
        return blocks;
    }

    /** The tagged regions of every Java source under the root, by tag. */
    static Map<String, String> taggedRegions(Path root) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(ReadmeSnippetsTest::isSource).toList()) {
                Matcher matcher = TAG.matcher(read(file));
                while (matcher.find()) {
                    String previous = regions.put(matcher.group(1), normalize(matcher.group(2)));
                    assertThat(previous)
                            .as("tag %s defined twice", matcher.group(1))
                            .isNull();
                }
            }
        }
        return regions;
    }

    private static boolean isSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java")
                && path.contains("/src/")
                && !path.contains("/target/")
                && !path.contains("/node_modules/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines without trailing blanks and without the indentation they all share. */
    static String normalize(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int indent = lines.stream()
                .filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isEmpty() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString().strip();
    }

    /** The directory with the README and the parent POM, above the module's. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the project root above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }
}
