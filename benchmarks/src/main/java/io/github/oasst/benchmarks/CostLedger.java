package io.github.oasst.benchmarks;

import feign.Feign;
import feign.RequestLine;
import feign.Retryer;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.internal.http.BaseUrlTarget;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a task fetch through Feign spends its time and its memory, cause by cause: the same fetch,
 * on one thread, through Feign clients that differ in one component each, from Feign's stock modules
 * to the client's own, next to the hand-written baseline; then what Feign's request template costs
 * for the one header the interface declares.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.oasst.benchmarks.CostLedger [rounds]</pre>
 *
 * <p>Bytes per call are exact (every thread's allocation counters, so the same from run to run);
 * CPU per call is the process's CPU time less the server thread's, the median of the rounds (each
 * round runs every variant 10,000 times, the variants taking turns). Not a JMH benchmark: a ledger to
 * read next to the JMH report and the profiles in {@code docs/benchmarks.md}.
 */
public final class CostLedger {
    private static final int CALLS_PER_ROUND = 10_000;
    private static final int WARM_UP_CALLS = 40_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The tasks endpoint of {@link OasstTasksApi} without its declared Content-Type header. */
    interface FetchWithoutHeaders {
        @RequestLine("POST /api/v1/tasks/")
        Task requestTask(TaskRequest request);
    }

    private CostLedger() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        try (CannedServer server = CannedServer.start();
                HandWritten handWritten = new HandWritten(server.baseUrl(), Fixtures.API_KEY);
                OasstClient client = OasstClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(Fixtures.API_KEY)
                        .build()) {
            String url = server.baseUrl();
            okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
                    .followRedirects(false)
                    .retryOnConnectionFailure(false)
                    .build();
            TaskRequest request = TaskRequest.of(TaskRequestType.PROMPTER_REPLY, Fixtures.USER);

            Map<String, Runnable> steps = new LinkedHashMap<>();
            steps.put("hand-written OkHttp + Jackson (baseline)", () -> {
                try {
                    handWritten.requestTask(request);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            OasstTasksApi stock = Clients.stock(http).target(OasstTasksApi.class, url);
            steps.put(
                    "1. Feign's stock modules: feign-okhttp, feign-jackson, default options",
                    () -> stock.requestTask(request));
            OasstTasksApi client2 =
                    Clients.stock(http).client(OasstFeign.client(http)).target(OasstTasksApi.class, url);
            steps.put("2. + the client's feign.Client on OkHttp", () -> client2.requestTask(request));
            OasstTasksApi encoder3 = Clients.stock(http)
                    .client(OasstFeign.client(http))
                    .encoder(OasstFeign.encoder())
                    .target(OasstTasksApi.class, url);
            steps.put("3. + its encoder", () -> encoder3.requestTask(request));
            OasstTasksApi options4 = ours(http).target(OasstTasksApi.class, url);
            steps.put("4. + its options", () -> options4.requestTask(request));
            OasstTasksApi target5 = ours(http).target(new BaseUrlTarget<>(OasstTasksApi.class, url));
            steps.put("5. + its target", () -> target5.requestTask(request));
            OasstTasksApi injected = client.tasksApi();
            steps.put(
                    "6. client.tasksApi(): + User-Agent sent by the feign.Client, retries, call timeout, its pool",
                    () -> injected.requestTask(request));
            steps.put(
                    "7. client.fetchTask(...), the facade",
                    () -> client.fetchTask(TaskKind.PROMPTER_REPLY, Fixtures.USER));
            FetchWithoutHeaders noHeaders = Feign.builder()
                    .client(OasstFeign.client(http)) // sends the User-Agent, as the client's does
                    .options(OasstFeign.options(http))
                    .encoder(OasstFeign.encoder())
                    .decoder(OasstFeign.decoder())
                    .errorDecoder(OasstFeign.errorDecoder())
                    .requestInterceptor(OasstFeign.apiKeyInterceptor(Fixtures.API_KEY))
                    .retryer(Retryer.NEVER_RETRY)
                    .addCapability(OasstFeign.capability())
                    .target(new BaseUrlTarget<>(FetchWithoutHeaders.class, url));
            steps.put(
                    "6 without the interface's Content-Type header (not a valid client: for its cost in Feign)",
                    () -> noHeaders.requestTask(request));

            for (Runnable step : steps.values()) {
                for (int i = 0; i < WARM_UP_CALLS; i++) {
                    step.run();
                }
            }
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Runnable> step : steps.entrySet()) {
                    results.computeIfAbsent(step.getKey(), k -> new ArrayList<>())
                            .add(measure(step.getValue(), server));
                }
            }
            print(results);
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The client's own components (no retries). */
    private static Feign.Builder ours(okhttp3.OkHttpClient http) {
        return Clients.stock(http)
                .client(OasstFeign.client(http))
                .options(OasstFeign.options(http))
                .encoder(OasstFeign.encoder());
    }

    /** Bytes, CPU microseconds and wall microseconds per call, over one round. */
    private static double[] measure(Runnable step, CannedServer server) {
        long bytes = allocatedBytes();
        long cpu = OS.getProcessCpuTime() - server.cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            step.run();
        }
        long wall = System.nanoTime() - start;
        return new double[] {
            (allocatedBytes() - bytes) / (double) CALLS_PER_ROUND,
            (OS.getProcessCpuTime() - server.cpuNanos() - cpu) / 1000.0 / CALLS_PER_ROUND,
            wall / 1000.0 / CALLS_PER_ROUND
        };
    }

    private static long allocatedBytes() {
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    private static void print(Map<String, List<double[]>> results) {
        double[] base = medians(results.values().iterator().next());
        System.out.println(Report.environment());
        System.out.println("| variant | B/call | × baseline | CPU µs/call | × baseline | wall µs/call | × baseline |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<double[]>> result : results.entrySet()) {
            double[] m = medians(result.getValue());
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %.2f | %.1f | %.2f | %.1f | %.2f |%n",
                    result.getKey(),
                    m[0],
                    m[0] / base[0],
                    m[1],
                    m[1] / base[1],
                    m[2],
                    m[2] / base[2]);
        }
    }

    private static double[] medians(List<double[]> rounds) {
        double[] medians = new double[3];
        for (int i = 0; i < 3; i++) {
            int column = i;
            double[] values =
                    rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
            medians[i] = values[values.length / 2];
        }
        return medians;
    }
}
