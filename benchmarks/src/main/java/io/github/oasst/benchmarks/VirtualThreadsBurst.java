package io.github.oasst.benchmarks;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstClientBuilder;
import io.github.oasst.client.protocol.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A burst of {@value #CALLS} asynchronous task fetches submitted at once and awaited, against a
 * server that answers each after {@link #serverDelayMillis} (so that they are in flight together):
 * one operation per iteration, its time, and with {@link VirtualThreadsProfiler} the platform
 * threads added at the peak, the peak heap and the pinned virtual threads. Three clients:
 *
 * <ul>
 *   <li>{@code virtual}: the client's defaults on Java 21 and later, its OkHttp calls on virtual
 *       threads, at most 1,024 at once (on Java 17 the same as {@code platform});
 *   <li>{@code platform}: {@code virtualThreads(false)}, at most 64 calls at once on as many platform
 *       threads, the rest queued (the defaults on Java 17);
 *   <li>{@code platform-1000}: {@code virtualThreads(false).maxAsyncRequests(1000)}: all in flight
 *       at once on platform threads.
 * </ul>
 *
 * Each measured iteration checks that the server saw as many calls in flight at once as the client
 * allows (the first warm-up iterations, in a cold JVM, may start the calls slower than the server
 * answers them).
 * Not part of {@link Main}'s default selection:
 *
 * <pre>java -cp benchmarks.jar org.openjdk.jmh.Main VirtualThreadsBurst -prof io.github.oasst.benchmarks.VirtualThreadsProfiler</pre>
 */
@State(Scope.Benchmark)
@Threads(1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+UseG1GC", "-Xms256m", "-Xmx256m"})
public class VirtualThreadsBurst {
    static final int CALLS = 1_000;

    @Param({"virtual", "platform", "platform-1000"})
    public String client;

    @Param({"1000"})
    public int serverDelayMillis;

    private DelayingServer server;
    private OasstClient oasst;
    private int inFlight;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new DelayingServer(serverDelayMillis);
        OasstClientBuilder builder =
                OasstClient.builder().baseUrl(server.baseUrl()).apiKey(Fixtures.API_KEY);
        int bound = OasstClientBuilder.DEFAULT_MAX_REQUESTS_ON_VIRTUAL_THREADS;
        switch (client) {
            case "virtual" -> builder.virtualThreads(true);
            case "platform" -> {
                builder.virtualThreads(false);
                bound = OasstClient.DEFAULT_MAX_REQUESTS;
            }
            case "platform-1000" -> builder.virtualThreads(false).maxAsyncRequests(CALLS);
            default -> throw new IllegalArgumentException("client " + client);
        }
        if (client.equals("virtual") && Runtime.version().feature() < 21) {
            bound = OasstClient.DEFAULT_MAX_REQUESTS;
        }
        inFlight = Math.min(CALLS, bound);
        oasst = builder.build();
        oasst.fetchTaskAsync(TaskKind.PROMPTER_REPLY, Fixtures.USER).get(30, TimeUnit.SECONDS);
        server.takeMostInFlight();
    }

    @TearDown(Level.Iteration)
    public void allWereInFlight(IterationParams iteration) {
        int most = server.takeMostInFlight();
        if (iteration.getType() == IterationType.MEASUREMENT && most < inFlight) {
            throw new IllegalStateException(
                    "the server saw at most " + most + " calls in flight at once, not " + inFlight);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        oasst.close();
        server.close();
    }

    @Benchmark
    public int burst() throws Exception {
        List<CompletableFuture<?>> calls = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            calls.add(oasst.fetchTaskAsync(TaskKind.PROMPTER_REPLY, Fixtures.USER));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return calls.size();
    }
}
