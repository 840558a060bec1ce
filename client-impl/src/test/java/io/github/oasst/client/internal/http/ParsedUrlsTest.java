package io.github.oasst.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.fixtures.HostileText;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Whatever was parsed before, {@link ParsedUrls} gives {@link HttpUrl#get(String)}'s result for every
 * string, or fails as it does: for URLs made of the hostile texts after origins and paths, each
 * parsed after others of the same origin.
 */
class ParsedUrlsTest {
    private static final List<String> ORIGINS = List.of(
            "http://127.0.0.1:8080", "https://backend.example.org", "http://[::1]:9000", "https://b\u00fccher.example");

    @Test
    void everyUrlParsesAsHttpUrlGetParsesIt() {
        ParsedUrls urls = new ParsedUrls();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (HostileText.Case textCase : HostileText.cases(3_000)) {
            for (String origin : ORIGINS) {
                for (String url : List.of(
                        origin + textCase.text(),
                        origin + "/" + textCase.text(),
                        origin + "/api/v1/" + textCase.text() + "?q=" + textCase.text())) {
                    Object expected = parse(url);
                    Object first = parseWith(urls, url);
                    Object again = parseWith(urls, url);
                    compared++;
                    if (!expected.equals(first) || !expected.equals(again)) {
                        differences.add(textCase + " in " + url + ": " + expected + " vs " + first + ", " + again);
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(30_000);
        assertThat(differences).isEmpty();
    }

    @Test
    void aTargetUrlParsesAsHttpUrlGetParsesIt() {
        ParsedUrls urls = new ParsedUrls();
        for (String origin : ORIGINS) {
            String target = origin;
            assertThat(urls.target(target)).isEqualTo(HttpUrl.get(target));
            assertThat(urls.target(target)).isEqualTo(HttpUrl.get(target));
        }
    }

    private static Object parse(String url) {
        try {
            return HttpUrl.get(url).toString();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static Object parseWith(ParsedUrls urls, String url) {
        try {
            return urls.get(url).toString();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }
}
