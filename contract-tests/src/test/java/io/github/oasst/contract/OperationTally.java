package io.github.oasst.contract;

import io.github.oasst.contract.ExchangeRecorder.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The count of one operation's dynamic responses against one schema: how many decoded, which
 * failed and why, how many Prism itself flagged, and which task classes came out.
 */
final class OperationTally {
    private final String operation;
    private int responses;
    private int decoded;
    private final List<String> failures = new ArrayList<>();
    private final List<String> requestViolations = new ArrayList<>();
    /** How many of Prism's own generated responses its validator rejected, by what they decoded to. */
    private final Map<String, Integer> responseViolations = new TreeMap<>();

    private final Map<String, Integer> decodedClasses = new TreeMap<>();

    OperationTally(String operation) {
        this.operation = operation;
    }

    /** Counts a response that decoded to the value, null for a method without a result. */
    void decoded(Exchange exchange, @Nullable Object value) {
        String outcome = outcomeOf(exchange, value);
        count(exchange, outcome);
        decoded++;
        decodedClasses.merge(outcome, 1, Integer::sum);
    }

    private static String outcomeOf(Exchange exchange, @Nullable Object value) {
        if (value == null) {
            return "no body (" + exchange.status() + ")";
        }
        if (value instanceof Map<?, ?>) {
            return "Map";
        }
        return value.getClass().getSimpleName();
    }

    /** Counts a response that failed, with the exception the client raised. */
    void failed(Exchange exchange, RuntimeException failure) {
        count(exchange, "(failed to decode)");
        String body = exchange.responseBody();
        failures.add(exchange.method() + " " + exchange.path() + " [seed " + exchange.seed() + "] -> "
                + exchange.status() + ": " + failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + "\n        body: " + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
    }

    private void count(Exchange exchange, String outcome) {
        responses++;
        if (exchange.hasRequestViolation()) {
            requestViolations.add(exchange.toString());
        }
        if (exchange.hasResponseViolation()) {
            responseViolations.merge(outcome, 1, Integer::sum);
        }
    }

    String operation() {
        return operation;
    }

    int decoded() {
        return decoded;
    }

    List<String> failures() {
        return failures;
    }

    List<String> requestViolations() {
        return requestViolations;
    }

    /** How many responses decoded to each class, by simple name. */
    Map<String, Integer> decodedClasses() {
        return decodedClasses;
    }

    /** A few lines for the report. */
    String report() {
        StringBuilder text = new StringBuilder()
                .append(String.format(
                        "  %-18s responses %4d, decoded %4d, failed %3d, request violations %d%n",
                        operation, responses, decoded, failures.size(), requestViolations.size()));
        decodedClasses.forEach((name, count) -> text.append(String.format("      %-30s %4d%n", name, count)));
        responseViolations.forEach((outcome, count) -> text.append(String.format(
                "      Prism flagged %d of its own generated responses (%s) as schema violations%n", count, outcome)));
        failures.forEach(failure -> text.append("      FAILED ").append(failure).append('\n'));
        return text.toString();
    }
}
