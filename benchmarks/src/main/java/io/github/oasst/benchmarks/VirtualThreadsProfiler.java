package io.github.oasst.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * What an iteration costs in threads and heap, and whether it pinned a virtual thread: the live
 * platform threads of the JVM at the peak ({@code threads.peak}, {@link ThreadMXBean}'s, which does
 * not count virtual threads: the benchmark's JVM, JMH's and JFR's threads and the server's included)
 * and those started during the iteration ({@code threads.started}), the peak of the heap ({@code
 * heap.peak}: the sum of the heap pools' peaks, after a full GC before the iteration) and JFR's {@code
 * jdk.VirtualThreadPinned} events with no threshold ({@code pinned}). Peaks are the highest of all
 * iterations. And the operations per second of wall-clock time ({@code ops.wall}: all threads'
 * operations over the time from the start of the iteration to its end, its ramp-up included): JMH's
 * score adds up each thread's own rate over its own measured time, which virtual threads, scheduled
 * in turn rather than side by side, make far too high; this one is not.
 *
 * <pre>java -cp benchmarks.jar org.openjdk.jmh.Main VirtualThreads -prof io.github.oasst.benchmarks.VirtualThreadsProfiler</pre>
 */
public final class VirtualThreadsProfiler implements InternalProfiler {
    private static final String PINNED = "jdk.VirtualThreadPinned";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private @Nullable Recording recording;
    private long threadsStarted;
    private long start;

    @Override
    public String getDescription() {
        return "platform threads added at the peak, peak heap, pinned virtual threads (JFR)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        Recording pinned = new Recording();
        pinned.enable(PINNED).withThreshold(Duration.ZERO); // unknown before Java 21: then nothing is recorded
        pinned.start(); // JFR's own threads start with the first recording: before the count
        recording = pinned;
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        threadsStarted = threads.getTotalStartedThreadCount();
        threads.resetPeakThreadCount();
        start = System.nanoTime();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's API
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        double seconds = (System.nanoTime() - start) / 1e9;
        int peak = threads.getPeakThreadCount();
        long started = threads.getTotalStartedThreadCount() - threadsStarted;
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult(
                "ops.wall", result.getMetadata().getAllOps() / seconds, "ops/s", AggregationPolicy.AVG));
        results.add(new ScalarResult("threads.peak", peak, "threads", AggregationPolicy.MAX));
        results.add(new ScalarResult("threads.started", started, "threads", AggregationPolicy.MAX));
        results.add(new ScalarResult("heap.peak", heap / 1_048_576.0, "MB", AggregationPolicy.MAX));
        results.add(new ScalarResult("pinned", pinnedEvents(), "events", AggregationPolicy.SUM));
        return results;
    }

    private long pinnedEvents() {
        Recording pinned = recording;
        if (pinned == null) {
            return 0;
        }
        recording = null;
        try {
            pinned.stop();
            Path file = Files.createTempFile("pinned-", ".jfr");
            try {
                pinned.dump(file);
                long count = 0;
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    count += event.getEventType().getName().equals(PINNED) ? 1 : 0;
                }
                return count;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pinned.close();
        }
    }
}
