package io.github.oasst.client;

/** The operations of the tasks API, the unit the retry policy decides on. */
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
    TASK_AVAILABILITY
}
