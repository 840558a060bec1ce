package io.github.oasst.examples.quickstart;

import java.io.PrintStream;
import java.util.List;

/** The table of a round's steps. */
final class Summary {
    private Summary() {}

    static void print(List<Step> steps, PrintStream out) {
        int requestedWidth = "requested".length();
        int receivedWidth = "received".length();
        for (Step step : steps) {
            requestedWidth = Math.max(requestedWidth, step.requested().length());
            receivedWidth = Math.max(receivedWidth, step.received().length());
        }
        String format = "%-" + requestedWidth + "s  %-" + receivedWidth + "s  %-14s  %s%n";
        out.println();
        out.printf(format, "requested", "received", "outcome", "detail");
        out.printf(format, "-".repeat(requestedWidth), "-".repeat(receivedWidth), "-".repeat(14), "------");
        for (Step step : steps) {
            out.printf(format, step.requested(), step.received(), step.outcome().label, step.detail());
        }
    }
}
