package io.github.oasst.benchmarks;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heap an idle client holds: builds one client, then {@code n} more, each making one fetch (so
 * each holds its idle keep-alive connection), and measures the used heap after full collections.
 * The first client carries what all clients share (the ObjectMapper and its caches, OkHttp's and
 * Feign's static state); each further one costs only its own objects. Run in a JVM of its own
 * (serial GC, fixed heap) by {@link Main}, against a {@link CannedServer} in another JVM (Main's),
 * so that the server's side of each connection is not in the heap measured; prints {@code
 * key=value} lines. Arguments: the client kind ({@code okhttp} or {@code facade}), {@code n}, the
 * server's base URL.
 *
 * <pre>java -XX:+UseSerialGC -Xms256m -Xmx256m -cp benchmarks.jar io.github.oasst.benchmarks.IdleClientMemory facade 100 http://127.0.0.1:40123</pre>
 */
public final class IdleClientMemory {
    private IdleClientMemory() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("arguments: okhttp|facade <n> <server base URL>");
        }
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        String baseUrl = args[2];
        List<AutoCloseable> clients = new ArrayList<>();
        try {
            long before = usedHeapAfterGc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            clients.add(idleClient(kind, baseUrl));
            long afterFirst = usedHeapAfterGc();
            for (int i = 0; i < n; i++) {
                clients.add(idleClient(kind, baseUrl));
            }
            long afterAll = usedHeapAfterGc();
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf(Locale.ROOT, "kind=%s%n", kind);
            System.out.printf(Locale.ROOT, "clients=%d%n", n + 1);
            System.out.printf(Locale.ROOT, "first.bytes=%d%n", afterFirst - before);
            System.out.printf(Locale.ROOT, "each.bytes=%d%n", (afterAll - afterFirst) / n);
            System.out.printf(Locale.ROOT, "threads.added=%d%n", threadsAfter - threadsBefore);
        } finally {
            for (AutoCloseable client : clients) {
                client.close();
            }
        }
    }

    private static AutoCloseable idleClient(String kind, String baseUrl) throws IOException {
        switch (kind) {
            case "facade" -> {
                OasstClient client = OasstClient.builder()
                        .baseUrl(baseUrl)
                        .apiKey(Fixtures.API_KEY)
                        .build();
                client.fetchTask(TaskKind.PROMPTER_REPLY, Fixtures.USER);
                return client;
            }
            case "okhttp" -> {
                HandWritten client = new HandWritten(baseUrl, Fixtures.API_KEY);
                client.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, Fixtures.USER));
                return client;
            }
            default -> throw new IllegalArgumentException("kind must be facade or okhttp, got " + kind);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
