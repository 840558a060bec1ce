package io.github.oasst.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * The results of one run as Markdown: every number next to the hand-written OkHttp baseline of the
 * same run, and the targets, met or missed.
 */
final class Report {
    /** A mean and its error: half the 99.9 % confidence interval. */
    interface Scored {
        double score();

        double error();
    }

    /** A throughput result: workload, concurrency, variant, and what was measured. */
    record Row(
            String workload,
            int concurrency,
            String variant,
            double score,
            double error,
            double alloc,
            double cpu,
            double serverCpu,
            double serverBusy,
            double connections,
            long iterations)
            implements Scored {

        /** CPU time per operation of the benchmark JVM but the server thread: the client's cost. */
        double clientCpu() {
            return cpu - serverCpu;
        }
    }

    /** A result of {@link Construction}. */
    record Start(String benchmark, double score, double error, String unit, double alloc) implements Scored {}

    static final String RAW = "raw socket (server ceiling)";
    static final String BASELINE = "OkHttp + Jackson by hand (baseline)";
    static final String STOCK_FEIGN = "OasstTasksApi on Feign's stock modules";
    static final String INTERFACE = "OasstTasksApi, client.tasksApi()";
    static final String FACADE = "OasstClient, blocking";
    static final String ASYNC = "OasstClient, async";

    /** The variants in the order of the throughput tables. */
    static final List<String> VARIANTS = List.of(RAW, BASELINE, STOCK_FEIGN, INTERFACE, FACADE, ASYNC);

    private final List<Row> rows = new ArrayList<>();
    private final List<Start> starts = new ArrayList<>();
    private final List<Map<String, String>> memory;
    private final Map<String, String> burst;

    /**
     * @param rounds the results of each round; the iterations of a benchmark in every round are
     *     pooled, so that its mean and error cover all of them
     */
    Report(List<Collection<RunResult>> rounds, List<Map<String, String>> memory, Map<String, String> burst) {
        this.memory = memory;
        this.burst = burst;
        Map<String, PooledResult> pooled = new LinkedHashMap<>();
        for (Collection<RunResult> round : rounds) {
            for (RunResult result : round) {
                BenchmarkParams params = result.getParams();
                String key = params.getBenchmark() + " " + params.getThreads() + " " + params.getParam("inFlight");
                pooled.computeIfAbsent(
                                key,
                                k -> new PooledResult(
                                        params, result.getPrimaryResult().getScoreUnit()))
                        .add(result);
            }
        }
        for (PooledResult p : pooled.values()) {
            String benchmark = p.params.getBenchmark();
            String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
            className = className.substring(className.lastIndexOf('.') + 1);
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            double alloc = p.secondary("gc.alloc.rate.norm");
            if (className.equals("Construction")) {
                starts.add(new Start(method, p.primary.getMean(), p.error(), p.unit, alloc));
                continue;
            }
            int concurrency =
                    className.equals("Async") ? Integer.parseInt(p.params.getParam("inFlight")) : p.params.getThreads();
            String workload = method.startsWith("fetch") ? "fetch" : method.startsWith("cycle") ? "cycle" : method;
            rows.add(new Row(
                    workload,
                    concurrency,
                    variant(method.substring(5)),
                    p.primary.getMean(),
                    p.error(),
                    alloc,
                    p.secondary("jvm.cpu.norm"),
                    p.secondary("server.cpu.norm"),
                    p.secondary("server.cpu.util"),
                    p.secondary("server.connections.norm"),
                    p.primary.getN()));
        }
    }

    private static String variant(String suffix) {
        return switch (suffix) {
            case "RawSocket" -> RAW;
            case "OkHttp" -> BASELINE;
            case "StockFeign" -> STOCK_FEIGN;
            case "Interface" -> INTERFACE;
            case "Facade" -> FACADE;
            case "FacadeAsync" -> ASYNC;
            default -> suffix;
        };
    }

    /** The row of a workload, concurrency and variant, or null when it was not run. */
    static @Nullable Row row(List<Row> rows, String workload, int concurrency, String variant) {
        for (Row row : rows) {
            if (row.workload.equals(workload) && row.concurrency == concurrency && row.variant.equals(variant)) {
                return row;
            }
        }
        return null;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Results ").append(LocalDate.now()).append("\n\n");
        md.append(environment()).append('\n');
        for (String workload : List.of("fetch", "cycle")) {
            ReportTables.throughput(md, rows, workload);
        }
        ReportTargets.append(md, rows);
        ReportTables.construction(md, starts);
        ReportTables.memory(md, memory);
        ReportTables.burst(md, burst);
        return md.toString();
    }

    static String environment() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "Machine: %d cores (%s), %s %s (%s), %s %s %s.%n",
                runtime.availableProcessors(),
                cpuModel(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
