package io.github.oasst.examples.quickstart;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.examples.quickstart.Step.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What the rounds did: steps by outcome and their latency, from the rounds; requests, retries and
 * failures, from the client's {@link OasstCallListener}.
 */
final class Tally implements OasstCallListener, Consumer<Step> {
    private final Map<Outcome, Long> steps = new EnumMap<>(Outcome.class);
    private final List<Long> latencies = new ArrayList<>();
    private final Map<FailureClass, Map<String, Long>> failedAttempts = new EnumMap<>(FailureClass.class);
    private long calls;
    private long requests;
    private long reconciled;
    private long failedCalls;

    @Override
    public synchronized void callEnded(OasstCall call) {
        calls++;
        requests += call.attempts();
        if (call.outcome() == OasstCall.Outcome.RECONCILED) {
            reconciled++;
        } else if (call.outcome() == OasstCall.Outcome.FAILED) {
            failedCalls++;
        }
        for (OasstException failure : call.failedAttempts()) {
            failedAttempts
                    .computeIfAbsent(failure.failureClass(), c -> new TreeMap<>())
                    .merge(cause(failure), 1L, Long::sum);
        }
    }

    @Override
    public synchronized void accept(Step step) {
        steps.merge(step.outcome(), 1L, Long::sum);
        latencies.add(step.latency().toNanos());
    }

    synchronized long steps(Outcome outcome) {
        return steps.getOrDefault(outcome, 0L);
    }

    synchronized long servable() {
        return steps.entrySet().stream()
                .filter(e -> e.getKey().servable())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    synchronized long complete() {
        return steps.entrySet().stream()
                .filter(e -> e.getKey().complete())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long retries() {
        return requests - calls;
    }

    synchronized long reconciled() {
        return reconciled;
    }

    /** One line on the rounds so far. */
    synchronized String progress() {
        return String.format(
                Locale.ROOT,
                "%d steps: %d complete, %d uncertain, %d failed; %d requests, %d retries",
                latencies.size(),
                complete(),
                steps(Outcome.UNCERTAIN),
                steps(Outcome.FAILED),
                requests,
                retries());
    }

    /** Prints the tally. */
    synchronized void print(PrintStream out, int rounds, Duration took) {
        out.printf(
                Locale.ROOT,
                "Tally: %d round%s, %d steps in %.1f s%n",
                rounds,
                rounds == 1 ? "" : "s",
                latencies.size(),
                took.toMillis() / 1000.0);
        out.println("  steps          "
                + List.of(Outcome.values()).stream()
                        .map(outcome -> outcome.label.toLowerCase(Locale.ROOT) + " " + steps(outcome))
                        .collect(Collectors.joining(", ")));
        long servable = servable();
        out.printf(
                Locale.ROOT,
                "  servable       %d, of which complete %d (%.1f %%)%n",
                servable,
                complete(),
                servable == 0 ? 100.0 : 100.0 * complete() / servable);
        out.printf(
                Locale.ROOT,
                "  requests       %d for %d calls: %d retries, %d reconciled; %d calls failed%n",
                requests,
                calls,
                retries(),
                reconciled,
                failedCalls);
        out.println("  failed attempts by class" + (failedAttempts.isEmpty() ? ": none" : ""));
        failedAttempts.forEach((failureClass, causes) -> out.printf(
                Locale.ROOT,
                "    %-14s %d: %s%n",
                failureClass.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                causes.values().stream().mapToLong(Long::longValue).sum(),
                causes.entrySet().stream()
                        .map(cause -> cause.getKey() + " " + cause.getValue())
                        .collect(Collectors.joining(", "))));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        out.printf(
                Locale.ROOT,
                "  step latency   p50 %s, p99 %s, max %s%n",
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)),
                millis(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)));
    }

    /** What failed, in a few words: the status, or the kind of transport failure. */
    private static String cause(OasstException failure) {
        if (failure instanceof OasstError error) {
            return error.knownErrorCode()
                    .map(code -> error.status() + " " + code)
                    .orElse(String.valueOf(error.status()));
        }
        if (failure instanceof OasstTransportException transport) {
            return transport.kind().summary();
        }
        return failure.getClass().getSimpleName();
    }

    /** The nearest-rank percentile of sorted values, 0 when there are none. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis() + " ms";
    }
}
