package io.github.oasst.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports what each operation costs the machine: the CPU time of the whole benchmark JVM per
 * operation ({@code jvm.cpu.norm}: the client, its threads, the JIT and the GC, and the server thread,
 * which {@code server.cpu.norm} gives on its own), steadier on a shared machine than the throughput.
 * And what the canned server costs during each iteration: the CPU time of its thread per
 * benchmark operation ({@code server.cpu.norm}), how busy its thread was ({@code server.cpu.util},
 * in percent of one core), the HTTP requests per operation ({@code server.requests.norm}) and the new
 * connections per operation ({@code server.connections.norm}: above zero, the client's connection
 * pool closes connections it will need again). A
 * server thread far from 100 % is not what limits the throughput.
 */
public final class CostProfiler implements InternalProfiler {
    private @Nullable CannedServer server;
    private long requests;
    private long connections;
    private long cpu;
    private long processCpu;
    private long time;

    @Override
    public String getDescription() {
        return "CPU time per operation of the benchmark JVM and of the canned OASST server's thread";
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        server = CannedServer.current();
        if (server == null) {
            return;
        }
        requests = server.requests();
        connections = server.connections();
        cpu = server.cpuNanos();
        processCpu = processCpuNanos();
        time = System.nanoTime();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's API
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        // the server of beforeIteration: after the last iteration the trial's tear-down has closed it
        CannedServer server = this.server;
        long ops = result.getMetadata().getAllOps();
        if (server == null || cpu < 0 || ops == 0) {
            return List.of();
        }
        double cpuNanos = server.cpuNanos() - cpu;
        double elapsed = System.nanoTime() - time;
        double served = server.requests() - requests;
        double process = processCpuNanos() - processCpu;
        return List.of(
                new ScalarResult("jvm.cpu.norm", process / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("server.cpu.norm", cpuNanos / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("server.cpu.util", 100.0 * cpuNanos / elapsed, "%", AggregationPolicy.AVG),
                new ScalarResult("server.requests.norm", served / ops, "req/op", AggregationPolicy.AVG),
                new ScalarResult(
                        "server.connections.norm",
                        (double) (server.connections() - connections) / ops,
                        "conn/op",
                        AggregationPolicy.AVG));
    }
}
