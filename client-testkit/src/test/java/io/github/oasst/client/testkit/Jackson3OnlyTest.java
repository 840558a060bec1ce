package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The client runs on Jackson 3 without Jackson 2's databind: a frontend loaded in a class loader
 * that has the client, its dependencies and Jackson 3, but neither Jackson 2's databind nor its core,
 * plays against the fake backend (which runs outside it, on Jackson 2).
 */
class Jackson3OnlyTest {
    @Test
    void aFrontendOnJackson3NeedsNoJackson2() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            boolean jackson2 = path.contains("/com/fasterxml/jackson/core/jackson-databind/")
                    || path.contains("/com/fasterxml/jackson/core/jackson-core/");
            boolean testkit = path.contains("client-testkit/target/classes") || path.contains("wiremock");
            if (!jackson2 && !testkit) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (FakeOasstBackend backend = FakeOasstBackend.start();
                URLClassLoader isolated =
                        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            Function<String[], List<String>> frontend = (Function<String[], List<String>>)
                    isolated.loadClass("io.github.oasst.client.testkit.isolated.Jackson3Frontend")
                            .getConstructor()
                            .newInstance();

            List<String> steps = frontend.apply(new String[] {backend.baseUrl(), backend.apiKey()});

            assertThat(steps)
                    .containsExactly(
                            "jackson 2 databind visible: false",
                            "fetched initial_prompt with hint true",
                            "answered",
                            "400 TASK_ALREADY_DONE: Task already done. (POST /api/v1/tasks/interaction)",
                            "jackson 2 databind loaded: false");
            assertThat(backend.tasks())
                    .singleElement()
                    .satisfies(task -> assertThat(task.answersStored()).isEqualTo(1));
        }
    }
}
