package io.github.oasst.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/**
 * Runs the benchmarks and prints the results as ratios to the hand-written OkHttp baseline of the
 * same run, with the targets met or missed.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar</pre>
 *
 * <p>The selection runs {@value #DEFAULT_ROUNDS} times ({@code -rounds N} changes that), each
 * benchmark in a fresh JVM each time, and the iterations of all rounds are pooled. The other
 * arguments are JMH's ({@code -h} lists them): a regular expression runs only the matching
 * benchmarks, {@code -wi}, {@code -i}, {@code -f} override iterations and forks (of every benchmark,
 * the cold-start ones included), {@code -prof stack} adds a profiler. The GC profiler ({@code -prof
 * gc}, allocation per operation) and {@link CostProfiler} always run. Without a benchmark filter the
 * idle-client memory is measured too ({@code -rounds 0} measures only that). JMH's results go to
 * {@code jmh-result-<round>.json} and the report to {@code benchmark-report.md}, next to the jar.
 */
public final class Main {
    /** The benchmarks of virtual threads, left out of the default selection. */
    private static final String VIRTUAL_THREADS = "\\.VirtualThreads";

    private static final Set<String> JMH_ONLY = Set.of("-h", "-help", "--help", "-l", "-lp", "-lprof", "-lrf");

    /**
     * Rounds of the whole selection, one fork of each benchmark per round: the baseline and the
     * client take turns, so that a slow spell of a shared machine does not fall on one of them only.
     */
    static final int DEFAULT_ROUNDS = 2;

    private Main() {}

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (JMH_ONLY.contains(arg)) {
                org.openjdk.jmh.Main.main(args);
                return;
            }
        }
        int rounds = DEFAULT_ROUNDS;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        Path out = outputDirectory();
        List<Collection<RunResult>> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%n# Round %d of %d%n", round, rounds);
            ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
            if (cli.getIncludes().isEmpty()) {
                options.exclude(VIRTUAL_THREADS); // Java 21+, run on their own (docs/virtual-threads.md)
            }
            if (!hasProfiler(cli, GCProfiler.class, "gc")) {
                options.addProfiler(GCProfiler.class);
            }
            if (!hasProfiler(cli, CostProfiler.class)) {
                options.addProfiler(CostProfiler.class);
            }
            if (!cli.getResult().hasValue()) {
                options.result(out.resolve("jmh-result-" + round + ".json").toString());
                if (!cli.getResultFormat().hasValue()) {
                    options.resultFormat(ResultFormatType.JSON);
                }
            }
            results.add(new Runner(options.build()).run());
        }

        List<Map<String, String>> memory = new ArrayList<>();
        Map<String, String> burst = Map.of();
        if (cli.getIncludes().isEmpty()) {
            System.out.println("\n# Idle client memory (a JVM of its own per client kind, the server in this one)");
            try (CannedServer server = CannedServer.start()) {
                memory.add(inOwnJvm(IdleClientMemory.class, "-XX:+UseSerialGC", "okhttp", "100", server.baseUrl()));
                memory.add(inOwnJvm(IdleClientMemory.class, "-XX:+UseSerialGC", "facade", "100", server.baseUrl()));
                System.out.println(
                        "\n# A burst of 1,000 asynchronous calls (a JVM of its own, the server in this one)");
                burst = inOwnJvm(Burst.class, "-XX:+UseG1GC", "1000", server.baseUrl());
            }
        }
        String report = new Report(results, memory, burst).markdown();
        System.out.println();
        System.out.println(report);
        Path file = out.resolve("benchmark-report.md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println("Report written to " + file.toAbsolutePath());
    }

    /** Whether the command line asks for the profiler, by its class name or one of its aliases. */
    private static boolean hasProfiler(CommandLineOptions cli, Class<?> profiler, String... aliases) {
        for (ProfilerConfig config : cli.getProfilers()) {
            String name = config.getKlass();
            if (name.equals(profiler.getName()) || List.of(aliases).contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The directory of the benchmarks jar (benchmarks/target), or the working directory. */
    private static Path outputDirectory() {
        try {
            Path jar = Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(jar) ? jar.getParent() : Path.of("");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("");
        }
    }

    /**
     * Runs a measurement's main class in a JVM of its own (256 MB heap), against the server at the
     * base URL given in its arguments (in this JVM, so that the heap measured holds no server-side
     * connection), and collects its key=value lines.
     */
    private static Map<String, String> inOwnJvm(Class<?> main, String gc, String... arguments)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java, gc, "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> values = new LinkedHashMap<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(line);
                int eq = line.indexOf('=');
                if (eq > 0 && line.indexOf(' ') < 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(main.getSimpleName() + " " + command + " failed: exit " + exit);
        }
        return values;
    }
}
