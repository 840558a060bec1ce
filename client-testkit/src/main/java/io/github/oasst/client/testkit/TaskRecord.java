package io.github.oasst.client.testkit;

import io.github.oasst.client.protocol.Task;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task the fake backend handed out, and what became of it. Guarded by the backend's lock. */
final class TaskRecord {
    final Task task;
    final boolean collective;
    FakeTask.Status status = FakeTask.Status.NEW;

    @Nullable
    String frontendMessageId;

    /** The message a reply task's answer replies to: its conversation's last. */
    @Nullable
    UUID parentMessageId;

    /** Interactions stored for the task (a repeated label is stored again, as the backend does). */
    int answers;

    TaskRecord(Task task, boolean collective) {
        this.task = task;
        this.collective = collective;
    }

    FakeTask snapshot() {
        return new FakeTask(task.id(), task.type(), status, frontendMessageId, answers);
    }
}
