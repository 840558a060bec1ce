package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.API_KEY;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.internal.http.VirtualThreads;
import io.github.oasst.client.protocol.TaskKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import okhttp3.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The client at scale on virtual threads (Java 21 and later): 1,000 calls really in flight at once
 * (the server answers none before all 1,000 wait), the JVM's platform threads counted by {@link
 * ThreadMXBean} (which does not count virtual threads), and JFR's {@code jdk.VirtualThreadPinned}
 * events recorded with no threshold while they run.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@Isolated("counts the JVM's platform threads and records its pinned virtual threads")
class VirtualThreadsTest {
    private static final int CALLS = 1_000;
    private static final int WARM_UP = 8;
    private static final int MOST_THREADS_ADDED = 16;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PINNED = "jdk.VirtualThreadPinned";
    private static final String TASK =
            "{\"hint\":\"Ask about tides.\",\"id\":\"7ce89c86-ed37-49b8-b32d-b97ccea394e9\",\"type\":\"initial_prompt\"}";

    @TempDir
    Path recordings;

    @Test
    void aThousandAsynchronousFetchesInFlightAtOnceAddAtMostSixteenPlatformThreadsAndPinNothing() throws Exception {
        try (HoldingServer server = new HoldingServer(TASK);
                OasstClient client = client(server).build()) {
            Measured burst = measure(server, () -> client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER));

            assertThat(burst.completed).isEqualTo(CALLS);
            assertThat(server.mostHeld()).as("calls in flight at once").isEqualTo(CALLS);
            assertThat(burst.threadsAdded)
                    .as("platform threads added at the peak (before: %d)", burst.threadsBefore)
                    .isLessThanOrEqualTo(MOST_THREADS_ADDED);
            assertThat(burst.threadsStarted)
                    .as("platform threads started meanwhile")
                    .isLessThanOrEqualTo(MOST_THREADS_ADDED);
            assertThat(burst.pinned).as("pinned virtual threads").isEmpty();
        }
    }

    @Test
    void onPlatformThreadsTheSameBurstTakesAPlatformThreadPerCall() throws Exception {
        try (HoldingServer server = new HoldingServer(TASK);
                OasstClient client = client(server)
                        .virtualThreads(false)
                        .maxAsyncRequests(CALLS)
                        .build()) {
            Measured burst = measure(server, () -> client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER));

            assertThat(burst.completed).isEqualTo(CALLS);
            assertThat(server.mostHeld()).as("calls in flight at once").isEqualTo(CALLS);
            assertThat(burst.threadsStarted).as("what the count sees").isGreaterThanOrEqualTo(CALLS - WARM_UP);
            assertThat(burst.threadsAdded).as("what the peak sees").isGreaterThanOrEqualTo(CALLS - WARM_UP);
        }
    }

    @Test
    void aThousandVirtualThreadsCallingTheBlockingFacadeAtOnceAreNeverPinned() throws Exception {
        ExecutorService callers = VirtualThreads.perTaskExecutor("caller-");
        try (HoldingServer server = new HoldingServer(TASK);
                OasstClient client = client(server).build()) {
            Measured calls =
                    measure(server, () -> callers.submit(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER)));

            assertThat(calls.completed).isEqualTo(CALLS);
            assertThat(server.mostHeld()).as("calls in flight at once").isEqualTo(CALLS);
            assertThat(calls.pinned).as("pinned virtual threads").isEmpty();
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void theRecordingSeesAVirtualThreadThatParksWhilePinned() throws Exception {
        List<String> pinned = recordPinning(() -> {
            ExecutorService thread = VirtualThreads.perTaskExecutor("pinned-");
            thread.submit(ParksInItsInitializer::load).get(10, TimeUnit.SECONDS);
            thread.shutdown();
            return 1L;
        });

        assertThat(pinned)
                .as("a park inside a class initializer pins, even on Java 24+")
                .isNotEmpty();
    }

    @Test
    void theClientsOwnDispatcherRunsEachCallOnAVirtualThreadUpToTheRaisedBound() throws Exception {
        OasstClient client = OasstClient.builder()
                .baseUrl("http://127.0.0.1:1")
                .apiKey(API_KEY)
                .build();
        Dispatcher dispatcher;
        try (client) {
            dispatcher = client.ownedHttpClient().dispatcher();
            Thread thread =
                    dispatcher.executorService().submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

            assertThat(isVirtual(thread)).as(thread.toString()).isTrue();
            assertThat(thread.getName()).startsWith("OkHttp oasst ");
            assertThat(dispatcher.getMaxRequests())
                    .isEqualTo(OasstClientBuilder.DEFAULT_MAX_REQUESTS_ON_VIRTUAL_THREADS);
            assertThat(dispatcher.getMaxRequestsPerHost())
                    .isEqualTo(OasstClientBuilder.DEFAULT_MAX_REQUESTS_ON_VIRTUAL_THREADS);
        }
        assertThat(dispatcher.executorService().isShutdown())
                .as("after close()")
                .isTrue();
    }

    @Test
    void switchedOffTheDispatcherKeepsItsPlatformThreadsAndItsBound() throws Exception {
        try (OasstClient client = OasstClient.builder()
                .baseUrl("http://127.0.0.1:1")
                .apiKey(API_KEY)
                .virtualThreads(false)
                .build()) {
            Dispatcher dispatcher = client.ownedHttpClient().dispatcher();
            Thread thread =
                    dispatcher.executorService().submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

            assertThat(isVirtual(thread)).as(thread.toString()).isFalse();
            assertThat(dispatcher.getMaxRequests()).isEqualTo(OasstClient.DEFAULT_MAX_REQUESTS);
        }
    }

    private static OasstClientBuilder client(HoldingServer server) {
        return OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(API_KEY)
                .readTimeout(PATIENCE.multipliedBy(2))
                .callTimeout(PATIENCE.multipliedBy(3));
    }

    /** What a run of calls did: calls completed, platform threads, pinned virtual threads. */
    private record Measured(
            long completed, int threadsBefore, int threadsAdded, long threadsStarted, List<String> pinned) {}

    /**
     * Starts {@value #CALLS} calls with {@code start} and waits for them all, the server holding its
     * answers until all of them wait: counts the platform threads added at the peak and those
     * started meanwhile (threads of earlier tests that end meanwhile would hide some from the peak),
     * and records pinning. Before, unmeasured and unrecorded, {@value #WARM_UP} calls the server holds until all
     * of them wait: classes loaded and initialized (the JDK's socket poller among them, whose first
     * use by several virtual threads at once pins those that wait for its initialization),
     * connections made.
     */
    private Measured measure(HoldingServer server, Callable<? extends Future<?>> start) throws Exception {
        server.holdUntil(WARM_UP, PATIENCE);
        awaitAll(startAll(start, WARM_UP));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] completed = new long[1];
        long[] counts = new long[3];
        List<String> pinned = recordPinning(() -> {
            counts[0] = threads.getThreadCount();
            counts[2] = threads.getTotalStartedThreadCount();
            threads.resetPeakThreadCount();
            server.holdUntil(CALLS, PATIENCE);
            completed[0] = awaitAll(startAll(start, CALLS));
            counts[1] = threads.getPeakThreadCount() - counts[0];
            counts[2] = threads.getTotalStartedThreadCount() - counts[2];
            return completed[0];
        });
        System.out.printf(
                "%d calls, %d in flight at once: platform threads %d before, %d added at the peak, %d"
                        + " started; %d pinned%n",
                CALLS, server.mostHeld(), counts[0], counts[1], counts[2], pinned.size());
        return new Measured(completed[0], (int) counts[0], (int) counts[1], counts[2], pinned);
    }

    private static List<Future<?>> startAll(Callable<? extends Future<?>> start, int calls) throws Exception {
        List<Future<?>> started = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            started.add(start.call());
        }
        return started;
    }

    /** How many calls completed with a value; throws the failure of one that failed. */
    private static long awaitAll(List<Future<?>> calls) throws Exception {
        long completed = 0;
        for (Future<?> call : calls) {
            completed += call.get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS) == null ? 0 : 1;
        }
        return completed;
    }

    /** Runs the work with JFR recording every pinned virtual thread; describes each. */
    private List<String> recordPinning(Callable<Long> work) throws Exception {
        Path file = recordings.resolve("pinned-" + System.nanoTime() + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            work.call();
            recording.stop();
            recording.dump(file);
        }
        List<String> pinned = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals(PINNED)) {
                pinned.add(describe(event));
            }
        }
        return pinned;
    }

    private static String describe(RecordedEvent event) {
        String frames = event.getStackTrace() == null
                ? "no stack trace"
                : event.getStackTrace().getFrames().stream()
                        .limit(12)
                        .map(VirtualThreadsTest::frame)
                        .collect(Collectors.joining("\n    at ", "\n    at ", ""));
        return PINNED + " " + event.getDuration()
                + (event.hasField("pinnedReason") ? " " + event.getValue("pinnedReason") : "") + frames;
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
    }

    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    /** A class whose initializer parks its thread: a virtual thread stays pinned to its carrier there. */
    private static final class ParksInItsInitializer {
        static {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }

        static long load() {
            return 1;
        }
    }
}
