package io.github.oasst.examples.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application compiled by javac on a module path of the client's real modules (their jars once
 * packaged) and run in a JVM on it: it fetches and acknowledges tasks from the testkit's fake backend,
 * blocking and asynchronously, with Jackson 2 and with Jackson 3, reading only what the modules
 * export.
 */
class ModularRoundTest {
    private static final String MAIN = "io.github.oasst.examples.modular/io.github.oasst.examples.modular.ModularRound";

    @TempDir
    static Path work;

    private static ModulePath modulePath;
    private static Path application;

    @BeforeAll
    static void compileTheApplication() throws Exception {
        modulePath = ModulePath.ofRuntimeDependencies();
        application = Files.createDirectory(work.resolve("application"));
        ModulePath.Compilation compilation =
                modulePath.compile(ModulePath.applicationSources(), application, "-Xlint:all", "-Werror");
        assertThat(compilation.success()).as(compilation.toString()).isTrue();
        assertThat(application.resolve("module-info.class")).exists();
    }

    @Test
    void theApplicationFetchesAndAcknowledgesTasksThroughTheClientsModules() throws Exception {
        ModulePath.Run run = modulePath.run(
                application, MAIN, List.of(), List.of(), Files.createDirectory(work.resolve("jackson2")));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .as(run.toString())
                .startsWith(
                        "client module: io.github.oasst.client",
                        "api module: io.github.oasst.client.api",
                        "testkit module: io.github.oasst.client.testkit",
                        "this module: io.github.oasst.examples.modular",
                        "client exports: io.github.oasst.client,io.github.oasst.client.retry")
                .contains(
                        "client keeps: io.github.oasst.client.internal.http exported to this module: false",
                        "json: OasstJson[Jackson 2]",
                        "server version: V2023_01",
                        "fetched: initial_prompt",
                        "fetched asynchronously: initial_prompt",
                        "backend: initial_prompt ACKED modular-frontend-1",
                        "backend: initial_prompt ACKED modular-frontend-2");
        assertThat(run.out())
                .filteredOn(line -> line.startsWith("client keeps: "))
                .isNotEmpty()
                .allMatch(line -> line.contains(".internal") && line.endsWith("exported to this module: false"));
    }

    @Test
    void withJackson3InTheModuleGraphTheClientBindsTheRecordsWithIt() throws Exception {
        ModulePath.Run run = modulePath.run(
                application,
                MAIN,
                List.of("--add-modules", "tools.jackson.databind"),
                List.of("jackson3"),
                Files.createDirectory(work.resolve("jackson3")));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .as(run.toString())
                .contains(
                        "json: OasstJson[Jackson 3]",
                        "fetched: initial_prompt",
                        "fetched asynchronously: initial_prompt",
                        "backend: initial_prompt ACKED modular-frontend-1",
                        "backend: initial_prompt ACKED modular-frontend-2");
    }

    @Test
    void withoutJackson3InTheModuleGraphTheClientSaysItIsMissing() throws Exception {
        ModulePath.Run run = modulePath.run(
                application, MAIN, List.of(), List.of("jackson3"), Files.createDirectory(work.resolve("no-jackson3")));

        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.err()).contains("IllegalStateException", "Jackson 3 is not on the class path", "--add-modules");
    }
}
