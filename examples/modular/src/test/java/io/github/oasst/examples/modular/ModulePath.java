package io.github.oasst.examples.modular;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The application's runtime dependencies, as Maven resolved them (the file that
 * maven-dependency-plugin writes), split into a module path and a class path; with javac and a
 * {@code java} process on them. WireMock's standalone jar goes on the class path, as the testkit's
 * descriptor says; everything else on the module path.
 */
final class ModulePath {
    private static final String WIREMOCK_JAR = "wiremock-standalone";

    private final List<Path> modules;
    private final List<Path> classPath;

    private ModulePath(List<Path> modules, List<Path> classPath) {
        this.modules = List.copyOf(modules);
        this.classPath = List.copyOf(classPath);
    }

    static ModulePath ofRuntimeDependencies() throws IOException {
        String file = System.getProperty("oasst.modular.runtimePath");
        if (file == null) {
            throw new IllegalStateException("oasst.modular.runtimePath is not set: run the tests with Maven");
        }
        List<Path> modules = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        for (String entry : Files.readString(Path.of(file), UTF_8).trim().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path path = Path.of(entry);
                (path.getFileName().toString().startsWith(WIREMOCK_JAR) ? classPath : modules).add(path);
            }
        }
        return new ModulePath(modules, classPath);
    }

    /** The application's own sources (src/main/java), a module's source tree. */
    static Path applicationSources() {
        return Path.of(System.getProperty("oasst.modular.sources", "src/main/java"));
    }

    List<Path> modules() {
        return modules;
    }

    List<Path> classPath() {
        return classPath;
    }

    /** Where the named module is: its jar, or its classes directory before the reactor packages it. */
    Path location(String moduleName) {
        for (Path path : modules) {
            if (reference(path)
                    .filter(ref -> ref.descriptor().name().equals(moduleName))
                    .isPresent()) {
                return path;
            }
        }
        throw new AssertionError(moduleName + " is not among " + modules);
    }

    ModuleReference reference(String moduleName) {
        return reference(location(moduleName)).orElseThrow();
    }

    ModuleDescriptor descriptor(String moduleName) {
        return reference(moduleName).descriptor();
    }

    private static Optional<ModuleReference> reference(Path path) {
        try {
            return ModuleFinder.of(path).findAll().stream().findFirst();
        } catch (FindException notAModule) {
            return Optional.empty();
        }
    }

    /** Compiles the module whose {@code module-info.java} is in {@code sources} into {@code out}. */
    Compilation compile(Path sources, Path out, String... options) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        // the class path is given, or javac would take this JVM's, which has the client's classes
        List<String> arguments = new ArrayList<>(List.of(
                "--module-path",
                joined(modules),
                "--class-path",
                joined(classPath),
                "-d",
                out.toString(),
                "-encoding",
                "UTF-8"));
        arguments.addAll(Arrays.asList(options));
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            boolean success = javac.getTask(
                            null,
                            fileManager,
                            diagnostics,
                            arguments,
                            null,
                            fileManager.getJavaFileObjectsFromPaths(files))
                    .call();
            return new Compilation(success, diagnostics.getDiagnostics());
        }
    }

    /**
     * Runs {@code mainModule/mainClass} in a new JVM of this JDK, with {@code application} (the main
     * module's classes) and the module path, WireMock on the class path.
     */
    Run run(Path application, String main, List<String> jvmOptions, List<String> arguments, Path workDir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--module-path");
        command.add(
                joined(Stream.concat(Stream.of(application), modules.stream()).toList()));
        command.add("--class-path");
        command.add(joined(classPath));
        command.addAll(jvmOptions);
        command.add("--module");
        command.add(main);
        command.addAll(arguments);
        Path stdout = workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("no exit after 180 s: " + String.join(" ", command) + "\n"
                    + Files.readString(stdout, UTF_8) + Files.readString(stderr, UTF_8));
        }
        return new Run(process.exitValue(), Files.readAllLines(stdout, UTF_8), Files.readString(stderr, UTF_8));
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** What javac said. */
    record Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<String> errors() {
            return diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(Locale.ROOT))
                    .toList();
        }

        @Override
        public String toString() {
            return (success ? "compiled" : "failed") + ": "
                    + diagnostics.stream()
                            .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
                            .collect(Collectors.joining("\n"));
        }
    }

    /** How a JVM ended: its exit status, its stdout lines, its stderr. */
    record Run(int exitCode, List<String> out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + String.join("\n", out) + "\n" + err;
        }
    }
}
