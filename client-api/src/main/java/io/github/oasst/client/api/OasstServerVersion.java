package io.github.oasst.client.api;

/**
 * The published versions of the OASST backend, by what a client must do differently. The client
 * learns which one it talks to (see the client's builder), and the testkit's fake backend behaves
 * like either.
 */
public enum OasstServerVersion {
    /**
     * The backend of January 2023 (schema {@code openapi-2023-01-06.json}), the one OASST's Python
     * reference client was written for: no {@code x-oasst-user} header, a repeated ranking answered
     * 1004 and repeated labels stored twice, collective tasks closed with {@code POST /tasks/close},
     * no {@code /tasks/availability}.
     */
    V2023_01,
    /**
     * The backend of May 2023 (schema {@code openapi-2023-05-07.json}, the last published): a nack
     * needs {@code x-oasst-user} naming the task's owner, a task request needs a user, unavailable
     * types answer 503/1006, at most 8 pending tasks per user (1012), an exact repeat of a user's
     * text within 120 minutes is refused (1009), a repeated reply, ranking or labels (with {@code
     * task_id}) answers 2105, {@code POST /tasks/close} always fails with 500.
     */
    V2023_05
}
