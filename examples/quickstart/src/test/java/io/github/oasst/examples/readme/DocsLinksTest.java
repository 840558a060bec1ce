package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the README, the changelog and the guide points to a file of the
 * repository, and a link to a heading ({@code page.md#heading}) to a heading of that page, named as
 * GitHub names its anchors.
 */
class DocsLinksTest {
    private static final Pattern FENCED = Pattern.compile("(?ms)^```.*?^```$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern LINK = Pattern.compile("\\[[^]\\n]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void everyRelativeLinkPointsToAnExistingFileAndHeading() throws IOException {
        Path root = ReadmeSnippetsTest.projectRoot();
        List<Path> pages = new ArrayList<>(ReadmeSnippetsTest.documentation(root));
        pages.add(root.resolve("CHANGELOG.md"));

        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            List<String> targets = links(Files.readString(page, StandardCharsets.UTF_8));
            links += targets.size();
            for (String target : targets) {
                problem(page, target).ifPresent(problem -> broken.add(root.relativize(page) + ": " + problem));
            }
        }

        assertThat(links).as("relative links in the README and the guide").isGreaterThan(50);
        assertThat(broken).as("links to no file or heading").isEmpty();
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "# A page\n\n## Every call's end\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("other.md"), "# Other\n", StandardCharsets.UTF_8);

        assertThat(problem(page, "other.md")).isEmpty();
        assertThat(problem(page, "#every-calls-end")).isEmpty();
        assertThat(problem(page, "page.md#every-calls-end")).isEmpty();
        assertThat(problem(page, "othr.md")).isPresent();
        assertThat(problem(page, "#every-call-end")).isPresent();
        assertThat(problem(page, "https://example.org/nowhere")).isEmpty();
    }

    @Test
    void linksInCodeAreNoLinks() {
        String markdown = "See [a](a.md), `[b](b.md)`.\n\n```java\nx[c](d);\n```\n[e](e.md#f)\n";

        assertThat(links(markdown)).containsExactly("a.md", "e.md#f");
    }

    /** The link targets of a page, outside code blocks and code spans. */
    static List<String> links(String markdown) {
        String text =
                INLINE_CODE.matcher(FENCED.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            targets.add(matcher.group(1));
        }
        return targets;
    }

    /** What is wrong with a link of the page, if anything; links to other sites are not checked. */
    static Optional<String> problem(Path page, String target) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(linked)) {
            return Optional.of(target + ": no such file " + linked);
        }
        if (hash >= 0) {
            String anchor = target.substring(hash + 1);
            if (!linked.toString().endsWith(".md")
                    || !anchors(Files.readString(linked, StandardCharsets.UTF_8))
                            .contains(anchor)) {
                return Optional.of(target + ": no heading #" + anchor + " in " + linked.getFileName());
            }
        }
        return Optional.empty();
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher matcher = HEADING.matcher(FENCED.matcher(markdown).replaceAll(""));
        while (matcher.find()) {
            String anchor = matcher.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            String unique = anchor;
            for (int n = 1; !anchors.add(unique); n++) {
                unique = anchor + "-" + n;
            }
        }
        return anchors;
    }
}
