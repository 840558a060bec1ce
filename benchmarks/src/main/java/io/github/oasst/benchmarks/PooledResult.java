package io.github.oasst.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

/** The measurement iterations of one benchmark, from every round, for {@link Report}. */
final class PooledResult {
    final BenchmarkParams params;
    final String unit;
    final ListStatistics primary = new ListStatistics();
    final Map<String, ListStatistics> secondaries = new LinkedHashMap<>();

    PooledResult(BenchmarkParams params, String unit) {
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
