package io.github.oasst.benchmarks;

import io.github.oasst.benchmarks.Report.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of the {@link Report} and their verdicts: throughput, client CPU and allocation of the
 * client next to the baseline, async against blocking, the server's ceiling and how busy it was.
 */
final class ReportTargets {
    /** The targets of each variant that sends through the client: throughput, CPU and allocation. */
    private static final double MIN_THROUGHPUT = 0.9;

    private static final double MAX_CPU = 1.2;
    private static final double MAX_ALLOCATION = 1.5;

    private ReportTargets() {}

    /** The table of targets, nothing when no result has a baseline to be compared with. */
    static void append(StringBuilder md, List<Row> rows) {
        List<String> lines = new ArrayList<>();
        for (String workload : List.of("fetch", "cycle")) {
            for (int concurrency : List.of(1, 64)) {
                Row base = Report.row(rows, workload, concurrency, Report.BASELINE);
                for (String variant : List.of(Report.FACADE, Report.INTERFACE)) {
                    Row row = Report.row(rows, workload, concurrency, variant);
                    if (base == null || row == null) {
                        continue;
                    }
                    String who = String.format(
                            Locale.ROOT,
                            "%s, concurrency %d, %s:",
                            workload,
                            concurrency,
                            variant.equals(Report.FACADE) ? "facade" : "interface");
                    lines.add(target(
                            who + " throughput ≥ " + MIN_THROUGHPUT + " × baseline",
                            row.score() / base.score(),
                            Ratios.relativeError(row, base),
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
                            row.alloc() / base.alloc(),
                            0,
                            MAX_ALLOCATION,
                            false));
                }
            }
            Row base64 = Report.row(rows, workload, 64, Report.BASELINE);
            Row async64 = Report.row(rows, workload, 64, Report.ASYNC);
            if (base64 != null && async64 != null) {
                lines.add(target(
                        workload + ": async, 64 in flight ≥ 1.0 × blocking baseline, 64 threads",
                        async64.score() / base64.score(),
                        Ratios.relativeError(async64, base64),
                        1.0,
                        true));
            }
            Row raw64 = Report.row(rows, workload, 64, Report.RAW);
            if (raw64 != null && base64 != null) {
                lines.add(target(
                        workload + ": server ceiling (raw socket, 64 threads) ≥ 2 × baseline, 64 threads",
                        raw64.score() / base64.score(),
                        Ratios.relativeError(raw64, base64),
                        2.0,
                        true));
            }
        }
        double busiest = rows.stream()
                .filter(r -> !r.variant().equals(Report.RAW))
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

    /** One target's line: the measured ratio, and whether it met the limit, within the error or not. */
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
}
