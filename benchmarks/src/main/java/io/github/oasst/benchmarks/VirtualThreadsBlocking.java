package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Fixtures.USER;

import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.TaskKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The blocking facade called from 1,000 virtual threads at once (JMH's virtual-thread executor, Java
 * 21 and later), against the canned server, beside {@link Threads64}{@code .fetchFacade} on 64
 * platform threads: with {@link VirtualThreadsProfiler} the calls per second of wall-clock time
 * ({@code ops.wall}; JMH's own score is not valid on virtual threads) and the pinned virtual threads,
 * with {@link CostProfiler} the CPU time per call. The settings of {@link Blocking}, with 20 warm-up
 * iterations ({@code -wi 20} gives them to {@code Threads64} too). Not part of {@link Main}'s
 * default selection:
 *
 * <pre>java -cp benchmarks.jar org.openjdk.jmh.Main 'VirtualThreadsBlocking|Threads64.fetchFacade' -wi 20 \
 *   -prof gc -prof io.github.oasst.benchmarks.CostProfiler -prof io.github.oasst.benchmarks.VirtualThreadsProfiler</pre>
 */
@Threads(1000)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 20, time = 2) // on a busy machine 10 left the 64-thread benchmark still speeding up
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djmh.executor=VIRTUAL"})
public class VirtualThreadsBlocking {
    @Benchmark
    public PrompterReplyTask fetchFacade(Clients.Facade facade) {
        return facade.client.fetchTask(TaskKind.PROMPTER_REPLY, USER);
    }
}
