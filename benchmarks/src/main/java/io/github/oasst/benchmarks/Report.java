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
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

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

    private static final List<String> VARIANTS = List.of(RAW, BASELINE, STOCK_FEIGN, INTERFACE, FACADE, ASYNC);

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
        Map<String, Pooled> pooled = new LinkedHashMap<>();
        for (Collection<RunResult> round : rounds) {
            for (RunResult result : round) {
                BenchmarkParams params = result.getParams();
                String key = params.getBenchmark() + " " + params.getThreads() + " " + params.getParam("inFlight");
                pooled.computeIfAbsent(
                                key,
                                k -> new Pooled(
                                        params, result.getPrimaryResult().getScoreUnit()))
                        .add(result);
            }
        }
        for (Pooled p : pooled.values()) {
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

    /** The measurement iterations of one benchmark, from every round. */
    private static final class Pooled {
        final BenchmarkParams params;
        final String unit;
        final ListStatistics primary = new ListStatistics();
        final Map<String, ListStatistics> secondaries = new LinkedHashMap<>();

        Pooled(BenchmarkParams params, String unit) {
            this.params = params;
            this.unit = unit;
        }

        @SuppressWarnings("rawtypes") // JMH's API
        void add(RunResult result) {
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    primary.addValue(iteration.getPrimaryResult().getScore());
                    for (Map.Entry<String, Result> entry :
                            iteration.getSecondaryResults().entrySet()) {
                        secondaries
                                .computeIfAbsent(entry.getKey(), k -> new ListStatistics())
                                .addValue(entry.getValue().getScore());
                    }
                }
            }
        }

        /** Half the 99.9 % confidence interval of the mean; NaN with a single value. */
        double error() {
            return primary.getN() > 1 ? primary.getMeanErrorAt(0.999) : Double.NaN;
        }

        double secondary(String name) {
            for (Map.Entry<String, ListStatistics> entry : secondaries.entrySet()) {
                // JMH may put a "·" before the names of profilers' results
                if (entry.getKey().replace("\u00b7", "").equals(name)) {
                    return entry.getValue().getMean();
                }
            }
            return Double.NaN;
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

    private @Nullable Row row(String workload, int concurrency, String variant) {
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
            throughputTable(md, workload);
        }
        targets(md);
        construction(md);
        memory(md);
        burst(md);
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

    private void throughputTable(StringBuilder md, String workload) {
        if (rows.stream().noneMatch(r -> r.workload.equals(workload))) {
            return;
        }
        md.append("### ")
                .append(
                        workload.equals("fetch")
                                ? "Task fetch (1 request per operation)"
                                : "Full cycle: fetch + ack + text reply (3 requests per operation)")
                .append("\n\n");
        md.append("| concurrency | variant | ops/s | ± (99.9 %) | × baseline | B/op | B/op × baseline"
                + " | client CPU µs/op | client CPU × baseline | server CPU µs/op | server busy"
                + " | new connections per 1,000 ops | n |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int concurrency : List.of(1, 64)) {
            Row baseline = row(workload, concurrency, BASELINE);
            for (String variant : VARIANTS) {
                Row row = row(workload, concurrency, variant);
                if (row == null) {
                    continue;
                }
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %,.0f | %,.0f | %s | %,.0f | %s | %.1f | %s | %.1f | %.0f %% | %.1f | %d |%n",
                        concurrency,
                        variant,
                        row.score,
                        row.error,
                        baseline == null ? "n/a" : ratio(row, baseline),
                        row.alloc,
                        baseline == null ? "n/a" : String.format(Locale.ROOT, "%.2f", row.alloc / baseline.alloc),
                        row.clientCpu(),
                        baseline == null
                                ? "n/a"
                                : String.format(Locale.ROOT, "%.2f", row.clientCpu() / baseline.clientCpu()),
                        row.serverCpu,
                        row.serverBusy,
                        row.connections * 1000,
                        row.iterations));
            }
        }
        md.append('\n');
    }

    /** A ratio with its error. */
    private static String ratio(Scored value, Scored base) {
        if (Double.isNaN(base.score()) || base.score() == 0) {
            return "n/a";
        }
        double ratio = value.score() / base.score();
        return String.format(Locale.ROOT, "%.2f ± %.2f", ratio, ratio * relativeError(value, base));
    }

    /** The relative error of the ratio of two scores: their relative errors combined. */
    private static double relativeError(Scored a, Scored b) {
        return Math.sqrt(sq(a.error() / a.score()) + sq(b.error() / b.score()));
    }

    private static double sq(double x) {
        return Double.isNaN(x) ? 0 : x * x;
    }

    /** The targets of each variant that sends through the client: throughput, CPU and allocation. */
    private static final double MIN_THROUGHPUT = 0.9;

    private static final double MAX_CPU = 1.2;
    private static final double MAX_ALLOCATION = 1.5;

    private void targets(StringBuilder md) {
        List<String> lines = new ArrayList<>();
        for (String workload : List.of("fetch", "cycle")) {
            for (int concurrency : List.of(1, 64)) {
                Row base = row(workload, concurrency, BASELINE);
                for (String variant : List.of(FACADE, INTERFACE)) {
                    Row row = row(workload, concurrency, variant);
                    if (base == null || row == null) {
                        continue;
                    }
                    String who = String.format(
                            Locale.ROOT,
                            "%s, concurrency %d, %s:",
                            workload,
                            concurrency,
                            variant.equals(FACADE) ? "facade" : "interface");
                    lines.add(target(
                            who + " throughput ≥ " + MIN_THROUGHPUT + " × baseline",
                            row.score / base.score,
                            relativeError(row, base),
                            MIN_THROUGHPUT,
                            true));
                    lines.add(target(
                            who + " client CPU per op ≤ " + MAX_CPU + " × baseline",
                            row.clientCpu() / base.clientCpu(),
                            0,
                            MAX_CPU,
                            false));
                    lines.add(target(
                            who + " allocation per op ≤ " + MAX_ALLOCATION + " × baseline",
                            row.alloc / base.alloc,
                            0,
                            MAX_ALLOCATION,
                            false));
                }
            }
            Row base64 = row(workload, 64, BASELINE);
            Row async64 = row(workload, 64, ASYNC);
            if (base64 != null && async64 != null) {
                lines.add(target(
                        workload + ": async, 64 in flight ≥ 1.0 × blocking baseline, 64 threads",
                        async64.score / base64.score,
                        relativeError(async64, base64),
                        1.0,
                        true));
            }
            Row raw64 = row(workload, 64, RAW);
            if (raw64 != null && base64 != null) {
                lines.add(target(
                        workload + ": server ceiling (raw socket, 64 threads) ≥ 2 × baseline, 64 threads",
                        raw64.score / base64.score,
                        relativeError(raw64, base64),
                        2.0,
                        true));
            }
        }
        double busiest = rows.stream()
                .filter(r -> !r.variant.equals(RAW))
                .mapToDouble(Row::serverBusy)
                .max()
                .orElse(Double.NaN);
        if (!Double.isNaN(busiest)) {
            lines.add("| server thread busy < 50 % of a core in every client run | "
                    + String.format(Locale.ROOT, "%.0f %% at most", busiest) + " | "
                    + (busiest < 50 ? "met" : "MISSED") + " |\n");
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("### Targets\n\n| target | measured | verdict |\n|---|---:|---|\n");
        for (String line : lines) {
            md.append(line);
        }
        md.append('\n');
    }

    private static String target(String name, double ratio, double relativeError, double limit, boolean atLeast) {
        boolean met = atLeast ? ratio >= limit : ratio <= limit;
        double low = ratio * (1 - relativeError);
        double high = ratio * (1 + relativeError);
        boolean withinNoise = relativeError > 0 && low <= limit && limit <= high;
        String verdict = (met ? "met" : "MISSED") + (withinNoise ? " (within the error)" : "");
        String measured = relativeError > 0
                ? String.format(Locale.ROOT, "%.2f ± %.2f", ratio, ratio * relativeError)
                : String.format(Locale.ROOT, "%.2f", ratio);
        return "| " + name + " | " + measured + " | " + verdict + " |\n";
    }

    private void construction(StringBuilder md) {
        if (starts.isEmpty()) {
            return;
        }
        md.append("### Construction: build a client, first fetch (new connection), close\n\n");
        md.append("| benchmark | time | ± (99.9 %) | × baseline | B/op |\n|---|---:|---:|---:|---:|\n");
        for (Start start : starts) {
            Start base = null;
            String baseName = start.benchmark.replace("Facade", "OkHttp");
            for (Start other : starts) {
                if (other.benchmark.equals(baseName)) {
                    base = other;
                }
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.1f %s | %,.1f | %s | %,.0f |%n",
                    start.benchmark,
                    start.score,
                    start.unit,
                    start.error,
                    base == null ? "n/a" : ratio(start, base),
                    start.alloc));
        }
        md.append('\n');
    }

    private void memory(StringBuilder md) {
        if (memory.isEmpty()) {
            return;
        }
        md.append("### Idle client memory (heap after full GC; one fetch made, its connection idle)\n\n");
        md.append("| client | first client, with shared state | each further client | × baseline | threads added |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        double base = Double.NaN;
        for (Map<String, String> m : memory) {
            double each = Double.parseDouble(m.getOrDefault("each.bytes", "NaN"));
            if ("okhttp".equals(m.get("kind"))) {
                base = each;
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f B | %,.0f B | %s | %s (for %s clients) |%n",
                    "okhttp".equals(m.get("kind")) ? BASELINE : "OasstClient",
                    Double.parseDouble(m.getOrDefault("first.bytes", "NaN")),
                    each,
                    Double.isNaN(base) ? "n/a" : String.format(Locale.ROOT, "%.2f", each / base),
                    m.get("threads.added"),
                    m.get("clients")));
        }
        md.append('\n');
    }

    private void burst(StringBuilder md) {
        if (burst.isEmpty()) {
            return;
        }
        md.append("### A burst: 1,000 asynchronous fetches submitted at once (G1, 256 MB heap)\n\n");
        md.append("| calls | threads before | peak threads | peak heap | all done in |\n|---:|---:|---:|---:|---:|\n");
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %,.1f MB | %s ms |%n%n",
                burst.get("calls"),
                burst.get("threads.before"),
                burst.get("threads.peak"),
                Double.parseDouble(burst.getOrDefault("heap.peak.bytes", "NaN")) / 1e6,
                burst.get("millis")));
    }
}
