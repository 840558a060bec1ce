package io.github.oasst.client.retry;

/**
 * The operations the retry policy decides on: each of the tasks API, and three classes of the rest
 * of the API (reads, idempotent writes, other writes).
 */
public enum OasstOperation {
    /** Fetching a task. Retrying after an ambiguous failure is safe: an unused task simply expires. */
    FETCH_TASK,
    /** Acknowledging a task; a repeat answers 2103, which after an ambiguous attempt means done. */
    ACK_TASK,
    /** Rejecting a task; a repeat answers 2103, which after an ambiguous attempt means done. */
    NACK_TASK,
    /** Posting an interaction; a repeat may store the answer twice, so it is not retried when ambiguous. */
    POST_INTERACTION,
    /** Closing a collective task; a repeat answers 2105, which after an ambiguous attempt means done. */
    CLOSE_TASK,
    /** Asking how many tasks are available (servers from 2023-02 on); reads only. */
    TASK_AVAILABILITY,
    /** Any read of the rest of the API ({@code GET}: messages, users, stats, …); safe to repeat. */
    READ,
    /**
     * A write of the rest of the API that the backend does once however often it is sent (marked
     * {@link io.github.oasst.client.api.Idempotent}: a delete, a state set); safe to repeat.
     */
    IDEMPOTENT_WRITE,
    /**
     * Any other write of the rest of the API (text labels, emojis, a user created); a repeat could do
     * it twice, so it is not retried when ambiguous.
     */
    WRITE;

    /** The name of the operation's Resilience4j {@code Retry}, for example {@code oasst-fetch-task}. */
    public String retryName() {
        return "oasst-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
