package io.github.oasst.examples.quickstart;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One round as a frontend plays it: for a user, one task of every request type (random last), each
 * acknowledged and answered with the matching interaction, and one more task rejected (nack).
 */
final class FrontendRound {
    /** Codes with which a server says it cannot produce a task type: not a failure of the round. */
    private static final Set<OasstErrorCode> NOT_SERVED = Set.of(
            OasstErrorCode.TASK_INVALID_REQUEST_TYPE,
            OasstErrorCode.TASK_GENERATION_FAILED,
            OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE);

    /** How a step ended. */
    enum Outcome {
        ANSWERED("answered"),
        NACKED("nacked"),
        NOT_SERVED("not served"),
        NONE_AVAILABLE("none available"),
        FAILED("FAILED");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** One line of the summary. */
    record Step(String requested, String received, Outcome outcome, String detail) {}

    /** A failure that ends the round: authentication or the network. */
    static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final boolean network;

        Fatal(OasstException cause, boolean network) {
            super(cause.getMessage(), cause);
            this.network = network;
        }

        /** Whether the network failed (otherwise the server refused the API key). */
        boolean network() {
            return network;
        }
    }

    private final OasstClient client;
    private final User user;
    private final PrintStream out;
    private final String runId;
    private int messageCounter;

    FrontendRound(OasstClient client, User user, PrintStream out, String runId) {
        this.client = client;
        this.user = user;
        this.out = out;
        this.runId = runId;
    }

    /** Plays the round; throws {@link Fatal} on an authentication or network failure. */
    List<Step> play() {
        List<Step> steps = new ArrayList<>();
        List<TaskKind<?>> kinds = new ArrayList<>(TaskKind.values());
        kinds.remove(TaskKind.RANDOM);
        kinds.add(TaskKind.RANDOM);
        int n = 0;
        for (TaskKind<?> kind : kinds) {
            n++;
            out.printf("[%2d/%d] %s%n", n, kinds.size() + 1, kind);
            steps.add(answerOne(kind));
        }
        out.printf("[%2d/%d] one more task, to reject%n", n + 1, kinds.size() + 1);
        steps.add(rejectOne());
        return steps;
    }

    private Step answerOne(TaskKind<?> kind) {
        String requested = kind.requestType().wireName();
        Task task;
        try {
            task = client.fetchTask(kind, user);
        } catch (OasstException e) {
            return notFetched(requested, e);
        }
        out.printf("        got %s task %s%n", task.type(), task.id());
        String frontendMessageId = nextMessageId();
        try {
            client.ackTask(task.id(), frontendMessageId);
            out.printf("        acknowledged as message %s%n", frontendMessageId);
            Optional<Interaction> answer = Answers.answer(task, user, frontendMessageId, nextMessageId());
            if (answer.isEmpty()) {
                // acknowledged already, so it cannot be rejected any more: report and move on
                return step(requested, task, Outcome.FAILED, "this frontend cannot answer a " + task.type() + " task");
            }
            client.postInteraction(answer.get());
            String detail = Answers.describe(answer.get());
            out.printf("        %s%n", detail);
            return step(requested, task, Outcome.ANSWERED, detail);
        } catch (OasstException e) {
            rethrowIfFatal(e);
            out.printf("        failed: %s%n", e.getMessage());
            return step(requested, task, Outcome.FAILED, e.description());
        }
    }

    private Step rejectOne() {
        Task task;
        try {
            task = client.fetchRandomTask(user);
        } catch (OasstException e) {
            return notFetched("random (to reject)", e);
        }
        try {
            client.nackTask(task.id(), "quickstart: rejected to show a nack");
            out.printf("        rejected %s task %s%n", task.type(), task.id());
            return step("random (to reject)", task, Outcome.NACKED, "nack sent");
        } catch (OasstException e) {
            rethrowIfFatal(e);
            return step("random (to reject)", task, Outcome.FAILED, e.description());
        }
    }

    private Step notFetched(String requested, OasstException e) {
        rethrowIfFatal(e);
        if (e instanceof OasstUnexpectedTaskException unexpected && unexpected.noTaskAvailable()) {
            out.println("        no task available (the server answered task_done)");
            return new Step(requested, "task_done", Outcome.NONE_AVAILABLE, "no task available");
        }
        if (e instanceof OasstError error
                && error.knownErrorCode().map(NOT_SERVED::contains).orElse(false)) {
            out.printf("        not served by this server: %s%n", error.description());
            return new Step(requested, "-", Outcome.NOT_SERVED, error.description());
        }
        out.printf("        failed: %s%n", e.getMessage());
        return new Step(requested, "-", Outcome.FAILED, e.description());
    }

    private static void rethrowIfFatal(OasstException e) {
        boolean authentication = e instanceof OasstError error
                && (error.status() == 401 || error.hasErrorCode(OasstErrorCode.API_CLIENT_NOT_AUTHORIZED));
        boolean network = e instanceof OasstTransportException;
        if (authentication || network) {
            throw new Fatal(e, network);
        }
    }

    private static Step step(String requested, Task task, Outcome outcome, String detail) {
        return new Step(requested, task.type(), outcome, detail);
    }

    private String nextMessageId() {
        return "quickstart-" + runId + "-" + (++messageCounter);
    }

    /** Prints the summary table. */
    static void printSummary(List<Step> steps, PrintStream out) {
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
