package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Fixtures.MESSAGE_ID;
import static io.github.oasst.benchmarks.Fixtures.USER;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.TaskKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The facade's asynchronous methods with {@link Chains#inFlight} calls in flight all along: as many
 * chains, each starting its next call from the completion of the previous one, as an asynchronous
 * application does (no thread waits for a call). The benchmark thread only counts: each of its
 * operations waits for {@value #BATCH} more completed calls, so the score is completed calls per
 * second, and the counting costs one wake-up per {@value #BATCH} calls.
 */
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 25, time = 2) // the asynchronous path takes the JIT longer: 64 threads leave it little CPU
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Async {
    static final int BATCH = 32;

    /** The chains of calls of one benchmark, started before each iteration and stopped after it. */
    @State(Scope.Benchmark)
    public static class Chains {
        /** Calls in flight at once. */
        @Param({"1", "64"})
        public int inFlight;

        private final AtomicLong completed = new AtomicLong();
        /** Completions counted so far: each batch's goal follows the last, so none is lost between. */
        private long counted;

        private final AtomicInteger running = new AtomicInteger();
        private volatile long target = Long.MAX_VALUE;
        private volatile boolean stopping;
        private volatile Throwable failure;
        private volatile Thread counter;

        /** Starts the chains, each repeating the call until the iteration ends. */
        void start(Function<OasstClient, CompletableFuture<?>> call, OasstClient client) {
            stopping = false;
            counter = Thread.currentThread();
            counted = completed.get();
            for (int i = 0; i < inFlight; i++) {
                running.incrementAndGet();
                next(call, client);
            }
        }

        private void next(Function<OasstClient, CompletableFuture<?>> call, OasstClient client) {
            call.apply(client).whenComplete((value, error) -> {
                if (error != null) {
                    failure = error;
                }
                if (completed.incrementAndGet() >= target) {
                    LockSupport.unpark(counter);
                }
                if (stopping || error != null) {
                    running.decrementAndGet();
                } else {
                    next(call, client);
                }
            });
        }

        /**
         * Waits for {@value #BATCH} more completed calls than the last batch's goal (not than the
         * calls completed by now: those completed while this thread woke up count in this batch).
         */
        void awaitBatch() {
            long goal = counted + BATCH;
            counted = goal;
            target = goal;
            while (completed.get() < goal) {
                if (failure != null) {
                    throw new IllegalStateException("an asynchronous call failed", failure);
                }
                LockSupport.parkNanos(this, 10_000_000);
            }
        }

        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            stopping = true;
            target = Long.MAX_VALUE;
            while (running.get() > 0) {
                Thread.sleep(1);
            }
            Throwable failed = failure;
            if (failed != null) {
                throw new IllegalStateException("an asynchronous call failed", failed);
            }
        }
    }

    /** Fetches, chains of one fetch after another. */
    @State(Scope.Benchmark)
    public static class Fetches {
        @Setup(Level.Iteration)
        public void start(Chains chains, Clients.Facade facade) {
            chains.start(client -> client.fetchTaskAsync(TaskKind.PROMPTER_REPLY, USER), facade.client);
        }
    }

    /** Full cycles, chains of fetch, ack and reply, one cycle after another. */
    @State(Scope.Benchmark)
    public static class Cycles {
        @Setup(Level.Iteration)
        public void start(Chains chains, Clients.Facade facade) {
            chains.start(
                    client -> client.fetchTaskAsync(TaskKind.PROMPTER_REPLY, USER)
                            .thenCompose(task -> client.ackTaskAsync(task.id(), MESSAGE_ID))
                            .thenCompose(acked -> client.postInteractionAsync(Fixtures.reply())),
                    facade.client);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fetchFacadeAsync(Chains chains, Fetches fetches) {
        chains.awaitBatch();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void cycleFacadeAsync(Chains chains, Cycles cycles) {
        chains.awaitBatch();
    }
}
