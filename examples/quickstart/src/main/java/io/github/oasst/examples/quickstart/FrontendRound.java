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
import io.github.oasst.examples.quickstart.Step.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One round as a frontend plays it: for a user (every request through the client's view of that
 * user, {@code client.forUser(user)}, so that it names them in {@code x-oasst-user}), one task of
 * every request type (random last), each acknowledged and answered with the matching interaction,
 * and one more task rejected (nack). Texts differ from round to round: a 2023-05 server refuses a
 * user's exact repeat within two hours ({@code TASK_MESSAGE_DUPLICATED}).
 *
 * <p>A failure that remains after the client's retries is its step's outcome, and the round goes on
 * with the next step. A server that serves no task of a type ({@code TASK_REQUESTED_TYPE_NOT_AVAILABLE}
 * and the 2023-01 codes) makes the step "not served". When the server says the user holds too many
 * tasks ({@code TASK_TOO_MANY_PENDING}, a 2023-05 server's limit of 8), the round rejects the tasks it
 * holds unfinished and asks once more. It stops early only when the server refuses the API key, or
 * when the backend is unreachable for {@value #UNREACHABLE_STEPS} steps in a row.
 */
final class FrontendRound {
    /** Steps in a row that find the backend unreachable before the round stops. */
    static final int UNREACHABLE_STEPS = 3;

    /** Codes with which a server says it cannot produce a task type: not a failure of the round. */
    private static final Set<OasstErrorCode> NOT_SERVED = Set.of(
            OasstErrorCode.TASK_INVALID_REQUEST_TYPE,
            OasstErrorCode.TASK_GENERATION_FAILED,
            OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE);

    /** Transport failures that say the backend could not be reached or did not answer in time. */
    private static final Set<OasstTransportException.Kind> UNREACHABLE = Set.of(
            OasstTransportException.Kind.CONNECT_FAILED,
            OasstTransportException.Kind.CONNECT_TIMEOUT,
            OasstTransportException.Kind.TLS_FAILED,
            OasstTransportException.Kind.TLS_REJECTED,
            OasstTransportException.Kind.READ_TIMEOUT,
            OasstTransportException.Kind.CALL_TIMEOUT);

    /** Why a round stopped before its end. */
    record Stop(boolean keyRefused, String reason) {}

    /** The steps played, and why the round stopped early, if it did. */
    record Result(List<Step> steps, @Nullable Stop stop) {}

    private final OasstClient client;
    private final User user;
    private final Set<UUID> held;
    private final PrintStream out;
    private final boolean verbose;
    private final String runId;
    private final Consumer<Step> onStep;
    private int messageCounter;

    /**
     * @param view the client's view of the user ({@code client.forUser(user)})
     * @param held the tasks fetched for the user and not finished yet, across rounds
     * @param verbose whether to print each call of each step; else nothing is printed
     * @param onStep told of each step as it ends
     */
    FrontendRound(
            OasstClient view, Set<UUID> held, PrintStream out, boolean verbose, String runId, Consumer<Step> onStep) {
        this.client = view;
        this.user = view.user().orElseThrow(() -> new IllegalArgumentException("not a view of a user"));
        this.held = held;
        this.out = out;
        this.verbose = verbose;
        this.runId = runId;
        this.onStep = onStep;
    }

    /** The number of steps of a round. */
    static int length() {
        return TaskKind.values().size() + 1;
    }

    /** Plays the round. */
    Result play() {
        List<Step> steps = new ArrayList<>();
        List<TaskKind<?>> kinds = new ArrayList<>(TaskKind.values());
        kinds.remove(TaskKind.RANDOM);
        kinds.add(TaskKind.RANDOM);
        int unreachable = 0;
        for (int n = 0; n <= kinds.size(); n++) {
            if (verbose) {
                out.printf(
                        "[%2d/%d] %s%n",
                        n + 1, kinds.size() + 1, n < kinds.size() ? kinds.get(n) : "one more, to reject");
            }
            long start = System.nanoTime();
            Step step = n < kinds.size() ? answerOne(kinds.get(n), start) : rejectOne(start);
            steps.add(step);
            onStep.accept(step);
            OasstException failure = step.failure();
            if (failure != null && keyRefused(failure)) {
                return new Result(steps, new Stop(true, failure.getMessage()));
            }
            unreachable = failure != null && unreachable(failure) ? unreachable + 1 : 0;
            if (unreachable == UNREACHABLE_STEPS) {
                return new Result(
                        steps,
                        new Stop(
                                false,
                                "the backend was unreachable for " + UNREACHABLE_STEPS + " steps in a row; last: "
                                        + failure.getMessage()));
            }
        }
        return new Result(steps, null);
    }

    private Step answerOne(TaskKind<?> kind, long start) {
        String requested = kind.requestType().wireName();
        Task task;
        try {
            task = fetch(() -> client.fetchTask(kind));
        } catch (OasstException e) {
            return notFetched(requested, e, start);
        }
        print("        got %s task %s%n", task.type(), task.id());
        String messageId = nextMessageId();
        try {
            client.ackTask(task.id(), messageId);
        } catch (OasstException e) {
            return failed(requested, task, null, e, start);
        }
        print("        acknowledged as message %s%n", messageId);
        String userMessageId = nextMessageId();
        Optional<Interaction> answer = Answers.answer(task, user, messageId, userMessageId, userMessageId);
        if (answer.isEmpty()) {
            // acknowledged already, so it cannot be rejected any more: report and move on
            String detail = "this frontend cannot answer a " + task.type() + " task";
            return new Step(requested, task.type(), Outcome.FAILED, detail, task.id(), messageId, since(start), null);
        }
        try {
            client.postInteraction(answer.get());
        } catch (OasstException e) {
            return failed(requested, task, messageId, e, start);
        }
        held.remove(task.id());
        String detail = Answers.describe(answer.get());
        print("        %s%n", detail);
        return new Step(requested, task.type(), Outcome.ANSWERED, detail, task.id(), messageId, since(start), null);
    }

    private Step rejectOne(long start) {
        String requested = "random (to reject)";
        Task task;
        try {
            task = fetch(() -> client.fetchTask(TaskKind.RANDOM));
        } catch (OasstException e) {
            return notFetched(requested, e, start);
        }
        try {
            client.nackTask(task.id(), "quickstart: rejected to show a nack");
        } catch (OasstException e) {
            return failed(requested, task, null, e, start);
        }
        held.remove(task.id());
        print("        rejected %s task %s%n", task.type(), task.id());
        return new Step(requested, task.type(), Outcome.NACKED, "nack sent", task.id(), null, since(start), null);
    }

    /**
     * Fetches a task, and holds it until it is finished. When the server says the user holds too
     * many, rejects those held and asks once more.
     */
    private <T extends Task> T fetch(Supplier<T> fetch) {
        T task;
        try {
            task = fetch.get();
        } catch (OasstError e) {
            if (!e.hasErrorCode(OasstErrorCode.TASK_TOO_MANY_PENDING)) {
                throw e;
            }
            print("        too many pending tasks: rejecting the %d this frontend holds%n", held.size());
            for (UUID id : List.copyOf(held)) {
                try {
                    client.nackTask(id, "quickstart: too many pending tasks");
                    held.remove(id);
                } catch (OasstException nack) {
                    print("        could not reject %s: %s%n", id, nack.getMessage());
                }
            }
            task = fetch.get();
        }
        held.add(task.id());
        return task;
    }

    private Step notFetched(String requested, OasstException e, long start) {
        if (e instanceof OasstUnexpectedTaskException unexpected && unexpected.noTaskAvailable()) {
            print("        no task available (the server answered task_done)%n");
            return new Step(
                    requested,
                    "task_done",
                    Outcome.NONE_AVAILABLE,
                    "no task available",
                    null,
                    null,
                    since(start),
                    null);
        }
        if (e instanceof OasstError error
                && error.knownErrorCode().map(NOT_SERVED::contains).orElse(false)) {
            print("        not served by this server: %s%n", error.description());
            return new Step(requested, "-", Outcome.NOT_SERVED, error.description(), null, null, since(start), null);
        }
        print("        failed: %s%n", e.getMessage());
        return new Step(requested, "-", Outcome.FAILED, e.description(), null, null, since(start), e);
    }

    /** A step that failed after its task was received; uncertain when its answer may be stored. */
    private Step failed(String requested, Task task, @Nullable String answeredAs, OasstException e, long start) {
        boolean uncertain = answeredAs != null && e.mayHaveTakenEffect();
        print("        %s: %s%n", uncertain ? "uncertain" : "failed", e.getMessage());
        String detail =
                e.description() + e.note().map(note -> " (" + note + ")").orElse("");
        return new Step(
                requested,
                task.type(),
                uncertain ? Outcome.UNCERTAIN : Outcome.FAILED,
                detail,
                task.id(),
                answeredAs,
                since(start),
                e);
    }

    private static boolean keyRefused(OasstException e) {
        return e instanceof OasstError error
                && (error.status() == 401 || error.hasErrorCode(OasstErrorCode.API_CLIENT_NOT_AUTHORIZED));
    }

    private static boolean unreachable(OasstException e) {
        if (e instanceof OasstTransportException transport) {
            return UNREACHABLE.contains(transport.kind());
        }
        return e instanceof OasstError error
                && (error.status() == 502 || error.status() == 503 || error.status() == 504);
    }

    private void print(String format, Object... args) {
        if (verbose) {
            out.printf(format, args);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private String nextMessageId() {
        return "quickstart-" + runId + "-" + (++messageCounter);
    }
}
