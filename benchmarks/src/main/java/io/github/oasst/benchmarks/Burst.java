package io.github.oasst.benchmarks;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.TaskKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A burst of asynchronous calls: one client, {@code n} task fetches submitted at once, all awaited;
 * measures the peak number of live threads and the peak heap while they run, and how long they
 * take. Run in a JVM of its own by {@link Main} (so that the counts are the client's), against a
 * {@link CannedServer} in Main's; prints {@code key=value} lines. Arguments: {@code n}, the server's
 * base URL.
 *
 * <pre>java -Xms256m -Xmx256m -cp benchmarks.jar io.github.oasst.benchmarks.Burst 1000 http://127.0.0.1:40123</pre>
 */
public final class Burst {
    private Burst() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String baseUrl = args[1];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (OasstClient client =
                OasstClient.builder().baseUrl(baseUrl).apiKey(Fixtures.API_KEY).build()) {
            // warm: classes loaded, one connection made
            client.fetchTaskAsync(TaskKind.PROMPTER_REPLY, Fixtures.USER).get(30, TimeUnit.SECONDS);
            System.gc();
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            List<MemoryPoolMXBean> heap = new ArrayList<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                    heap.add(pool);
                }
            }
            long start = System.nanoTime();
            List<CompletableFuture<?>> calls = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                calls.add(client.fetchTaskAsync(TaskKind.PROMPTER_REPLY, Fixtures.USER));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            long peakHeap =
                    heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "calls=%d%n", n);
            System.out.printf(Locale.ROOT, "threads.before=%d%n", threadsBefore);
            System.out.printf(Locale.ROOT, "threads.peak=%d%n", threads.getPeakThreadCount());
            System.out.printf(Locale.ROOT, "heap.peak.bytes=%d%n", peakHeap);
            System.out.printf(Locale.ROOT, "millis=%d%n", TimeUnit.NANOSECONDS.toMillis(elapsed));
        }
    }
}
