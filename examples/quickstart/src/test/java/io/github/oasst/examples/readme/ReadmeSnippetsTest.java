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
 * Every Java block of the README and of the guide ({@code docs/*.md}) is a tagged region ({@code //
 * tag::name[]} … {@code // end::name[]}) of a Java source of the project, character for character
 * but for indentation, so that the build compiles it and a test runs it: the documentation cannot
 * drift from the API.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern TAG =
            Pattern.compile("(?m)^\\s*// tag::([\\w-]+)\\[]\\n(.*?)^\\s*// end::\\1\\[]$", Pattern.DOTALL);

    /** The main job's command and the test command, which CI's {@code .ci/run} calls. */
    static final String MAIN_JOB =
            "./mvnw -B -DskipTests package && java -jar examples/quickstart/target/oasst-quickstart.jar";

    static final String TESTS = "./mvnw -B verify";

    @Test
    void everyJavaBlockOfTheReadmeAndTheGuideIsTaggedCodeOfTheBuild() throws IOException {
        Path root = projectRoot();
        Map<String, String> regions = taggedRegions(root);
        List<Path> pages = documentation(root);

        assertThat(pages).contains(root.resolve("README.md"), root.resolve("docs/README.md"));
        List<String> untagged = new ArrayList<>();
        int blocks = 0;
        for (Path page : pages) {
            List<String> javaBlocks = javaBlocks(Files.readString(page, StandardCharsets.UTF_8));
            blocks += javaBlocks.size();
            for (String block : javaBlocks) {
                if (!regions.containsValue(block)) {
                    untagged.add(root.relativize(page) + ":\n" + block);
                }
            }
        }
        assertThat(blocks).as("Java blocks in the README and the guide").isGreaterThan(10);
        assertThat(untagged)
                .as("blocks that are no tagged region of a Java source (tags: %s)", regions.keySet())
                .isEmpty();
    }

    @Test
    void theCheckSeesADifferenceOfOneCharacter() throws IOException {
        Map<String, String> regions = taggedRegions(projectRoot());
        String usage = regions.get("usage");

        assertThat(usage).isNotNull().contains("client.ackTask(");
        assertThat(regions.containsValue(usage.replace("ackTask", "ackTsk"))).isFalse();
    }

    @Test
    void theReadmeIsShortAndKeepsTheTwoCommands() throws IOException {
        Path root = projectRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        String ci = Files.readString(root.resolve(".ci/run"), StandardCharsets.UTF_8);

        assertThat(readme).hasSizeLessThanOrEqualTo(200).contains(MAIN_JOB, TESTS);
        assertThat(ci.lines()).as("CI runs the README's test command").contains(TESTS);
    }

    /** The README and every page of the guide. */
    static List<Path> documentation(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The page's Java blocks, without their common indentation. */
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
