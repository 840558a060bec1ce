package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/spring.md} shows only code the build compiles and its tests run: each Java block is,
 * but for indentation, a region {@code // tag::name[]} … {@code // end::name[]} of a source.
 */
class SpringDocsTest {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    private static final Pattern REGION =
            Pattern.compile("(?ms)^[ \\t]*// tag::([\\w-]+)\\[]\\n(.*?)^[ \\t]*// end::\\1\\[]$");

    @Test
    void everyJavaBlockIsATaggedRegionOfASource() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Set<String> regions = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java")
                            && !file.toString().contains("/target/")
                            && file.toString().contains("/src/"))
                    .forEach(file -> matches(REGION, read(file), 2).forEach(region -> regions.add(region)));
        }
        List<String> blocks = matches(BLOCK, read(root.resolve("docs/spring.md")), 1);

        assertThat(blocks).as("Java blocks of docs/spring.md").hasSizeGreaterThanOrEqualTo(3);
        assertThat(blocks)
                .allSatisfy(block -> assertThat(regions)
                        .as("a tagged region of a source, character for character but for indentation")
                        .contains(block));
    }

    @Test
    void aBlockThatDriftedFromItsSourceIsSeen() {
        String region = "// tag::x[]\n    int a = 1;\n// end::x[]";

        assertThat(matches(REGION, region, 2)).containsExactly("int a = 1;");
        assertThat(matches(REGION, region, 2)).doesNotContain("int a = 2;");
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(match -> unindented(match.group(group))).toList();
    }

    /** The lines without the indentation they share, nor trailing blanks. */
    private static String unindented(String text) {
        return text.stripTrailing().stripIndent().strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
