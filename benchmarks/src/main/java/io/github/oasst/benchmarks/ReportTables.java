package io.github.oasst.benchmarks;

import io.github.oasst.benchmarks.Report.Row;
import io.github.oasst.benchmarks.Report.Start;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of the {@link Report}: throughput per workload, construction, idle client memory and
 * the burst of asynchronous calls, each next to its baseline where there is one.
 */
final class ReportTables {
    private ReportTables() {}

    /** The throughput table of a workload, nothing when it was not run. */
    static void throughput(StringBuilder md, List<Row> rows, String workload) {
        if (rows.stream().noneMatch(r -> r.workload().equals(workload))) {
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
            Row baseline = Report.row(rows, workload, concurrency, Report.BASELINE);
            for (String variant : Report.VARIANTS) {
                Row row = Report.row(rows, workload, concurrency, variant);
                if (row == null) {
                    continue;
                }
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %,.0f | %,.0f | %s | %,.0f | %s | %.1f | %s | %.1f | %.0f %% | %.1f | %d |%n",
                        concurrency,
                        variant,
                        row.score(),
                        row.error(),
                        baseline == null ? "n/a" : Ratios.ratio(row, baseline),
                        row.alloc(),
                        baseline == null ? "n/a" : String.format(Locale.ROOT, "%.2f", row.alloc() / baseline.alloc()),
                        row.clientCpu(),
                        baseline == null
                                ? "n/a"
                                : String.format(Locale.ROOT, "%.2f", row.clientCpu() / baseline.clientCpu()),
                        row.serverCpu(),
                        row.serverBusy(),
                        row.connections() * 1000,
                        row.iterations()));
            }
        }
        md.append('\n');
    }

    /** The table of {@link Construction}, nothing when it was not run. */
    static void construction(StringBuilder md, List<Start> starts) {
        if (starts.isEmpty()) {
            return;
        }
        md.append("### Construction: build a client, first fetch (new connection), close\n\n");
        md.append("| benchmark | time | ± (99.9 %) | × baseline | B/op |\n|---|---:|---:|---:|---:|\n");
        for (Start start : starts) {
            Start base = null;
            String baseName = start.benchmark().replace("Facade", "OkHttp");
            for (Start other : starts) {
                if (other.benchmark().equals(baseName)) {
                    base = other;
                }
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.1f %s | %,.1f | %s | %,.0f |%n",
                    start.benchmark(),
                    start.score(),
                    start.unit(),
                    start.error(),
                    base == null ? "n/a" : Ratios.ratio(start, base),
                    start.alloc()));
        }
        md.append('\n');
    }

    /** The table of {@link IdleClientMemory}, nothing when it was not measured. */
    static void memory(StringBuilder md, List<Map<String, String>> memory) {
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
                    "okhttp".equals(m.get("kind")) ? Report.BASELINE : "OasstClient",
                    Double.parseDouble(m.getOrDefault("first.bytes", "NaN")),
                    each,
                    Double.isNaN(base) ? "n/a" : String.format(Locale.ROOT, "%.2f", each / base),
                    m.get("threads.added"),
                    m.get("clients")));
        }
        md.append('\n');
    }

    /** The table of {@link Burst}, nothing when it was not measured. */
    static void burst(StringBuilder md, Map<String, String> burst) {
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
