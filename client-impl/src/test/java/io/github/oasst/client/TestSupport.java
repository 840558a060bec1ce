package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Shared pieces of the client's tests. */
final class TestSupport {
    /** The key of the recorded exchanges. */
    static final String API_KEY = "test-api-key-123";

    static final User USER = User.local("java-verify-user", "Java Verify");

    private TestSupport() {}

    /** A WireMock server on a free loopback port. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** A client of the WireMock server, without retries. */
    static OasstClientBuilder clientOf(WireMockExtension server) {
        return OasstClient.builder().baseUrl(server.baseUrl()).apiKey(API_KEY).retryPolicy(RetryPolicy.disabled());
    }

    /** An answer with the given status and JSON body. */
    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** The one request the server has seen; fails if it saw none or more. */
    static LoggedRequest onlyRequest(WireMockExtension server) {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlMatching(".*")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** Waits (at most 10 s) until the condition holds: the async call's first answer has arrived. */
    static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            Thread.onSpinWait();
        }
    }

    /**
     * Time for the retries that only moves when they wait: the deadline's clock, and a scheduler that
     * runs each wait's end at once, moving the clock on by the wait (the client's waits, blocking and
     * asynchronous, are all its scheduler's). Records every wait. Each test has its own.
     */
    static final class VirtualTime {
        private long now;
        private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

        synchronized long nanoTime() {
            return now;
        }

        synchronized void advance(long millis) {
            waits.add(millis);
            now += millis * 1_000_000;
        }

        /** A scheduler that runs each task at once, the clock moved on by its delay. */
        ScheduledExecutorService scheduler() {
            return new ImmediateScheduler(this);
        }

        /** The waits taken, in milliseconds, in order. */
        List<Long> waits() {
            synchronized (waits) {
                return List.copyOf(waits);
            }
        }
    }

    /** Runs each scheduled task at once, after moving the virtual clock on. */
    private static final class ImmediateScheduler extends InlineScheduler {
        private final VirtualTime time;

        ImmediateScheduler(VirtualTime time) {
            this.time = time;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            time.advance(unit.toMillis(delay));
            command.run();
            return new Done<>();
        }
    }

    /**
     * A scheduler that keeps what it is given until the test runs it: a wait that has not ended yet.
     */
    static final class HeldScheduler extends InlineScheduler {
        private final List<Runnable> held = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            held.add(command);
            return new Pending<>(() -> held.remove(command));
        }

        /** Ends the waits held so far: runs their tasks. */
        void endWaits() {
            List<Runnable> tasks;
            synchronized (held) {
                tasks = List.copyOf(held);
                held.clear();
            }
            tasks.forEach(Runnable::run);
        }

        int waiting() {
            return held.size();
        }
    }

    /**
     * A scheduler for tests whose {@code schedule(Runnable, …)} decides when a wait ends; it runs
     * everything else at once on the calling thread, and has nothing to shut down.
     */
    abstract static class InlineScheduler extends AbstractExecutorService implements ScheduledExecutorService {
        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** A scheduled future that is already done. */
    private static final class Done<V> extends CompletableFuture<V> implements ScheduledFuture<V> {
        Done() {
            complete(null);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    /** A held wait: cancelling it takes its task away, as a real scheduler's cancel does. */
    private static final class Pending<V> extends CompletableFuture<V> implements ScheduledFuture<V> {
        private final java.util.function.BooleanSupplier remove;

        Pending(java.util.function.BooleanSupplier remove) {
            this.remove = remove;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return remove.getAsBoolean() && super.cancel(mayInterruptIfRunning);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
