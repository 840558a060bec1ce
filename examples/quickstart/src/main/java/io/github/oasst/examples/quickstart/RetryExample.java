package io.github.oasst.examples.quickstart;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Calls that survive injected faults: an embedded fake backend answers 503 and a rate limit to the
 * task request, and loses the answer to an acknowledgement it did process; the client retries,
 * waits as told, and reconciles the acknowledgement. Every retry is printed from Resilience4j's
 * event publisher.
 *
 * <p>Run with {@code java -cp examples/quickstart/target/oasst-quickstart.jar
 * io.github.oasst.examples.quickstart.RetryExample}.
 */
public final class RetryExample {
    private RetryExample() {}

    public static void main(String[] args) {
        System.exit(run(System.out));
    }

    static int run(PrintStream out) {
        try (FakeOasstBackend backend = FakeOasstBackend.start();
                OasstClient client = OasstClient.builder()
                        .baseUrl(backend.baseUrl())
                        .apiKey(backend.apiKey())
                        .retryPolicy(RetryPolicy.builder()
                                .maxAttempts(4)
                                .initialBackoff(Duration.ofMillis(100))
                                .build())
                        .build()) {
            for (OasstOperation operation : OasstOperation.values()) {
                client.retry(operation)
                        .getEventPublisher()
                        .onRetry(event -> out.printf(
                                "  retry: %s attempt %d failed (%s), next in %d ms%n",
                                operation,
                                event.getNumberOfRetryAttempts(),
                                event.getLastThrowable().getMessage(),
                                event.getWaitInterval().toMillis()));
            }
            User user = User.local("retry-example", "Retry Example");

            out.println("Fetching a task; the backend answers 503, then 429 (retry after 1 s), then the task:");
            backend.injectFault(1, "/api/v1/tasks/", InjectedFault.status(503));
            backend.injectFault(1, "/api/v1/tasks/", InjectedFault.rateLimited(1));
            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user);
            out.printf("  got task %s after %d requests%n%n", task.id(), backend.requestCount("/api/v1/tasks/"));

            String ackPath = "/api/v1/tasks/" + task.id() + "/ack";
            out.println(
                    "Acknowledging it; the backend processes the ack but the connection is reset before the answer:");
            backend.injectFault(1, ackPath, InjectedFault.resetAfterProcessing());
            client.ackTask(task.id(), "retry-example-1");
            out.printf(
                    "  acknowledged after %d requests: the retry was answered 2103 TASK_ALREADY_UPDATED, which after"
                            + " an ambiguous attempt means the first one took effect%n%n",
                    backend.requestCount(ackPath));

            out.println("Answering it; an interaction is sent once, whatever happens:");
            client.postInteraction(
                    TextReplyToMessage.of(user, "retry-example-1", "retry-example-2", "How do tides work?"));
            out.printf("  answered with %d request%n", backend.requestCount("/api/v1/tasks/interaction"));
            return 0;
        }
    }
}
