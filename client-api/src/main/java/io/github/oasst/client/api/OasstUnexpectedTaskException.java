package io.github.oasst.client.api;

import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.protocol.TaskKind;

/**
 * The server answered a task request with a valid task of another type than asked; {@link
 * #noTaskAvailable()} when that answer is {@link TaskDone}, the server's way to say that it has no
 * task of the type for the user.
 */
public final class OasstUnexpectedTaskException extends OasstException {
    private static final long serialVersionUID = 1L;

    private final transient TaskKind<?> expected;
    private final transient Task actual;

    /**
     * @param expected the kind asked for
     * @param actual the server's answer
     * @param method the request's HTTP method
     * @param path the request's path without the query
     */
    public OasstUnexpectedTaskException(TaskKind<?> expected, Task actual, String method, String path) {
        super(describe(expected, actual), method, path, null);
        this.expected = expected;
        this.actual = actual;
    }

    private static String describe(TaskKind<?> expected, Task actual) {
        if (actual instanceof TaskDone) {
            return "no task available: asked for " + expected + ", the server answered task_done";
        }
        return "asked for " + expected + ", the server answered a " + actual.type() + " task (id " + actual.id() + ")";
    }

    /** The kind asked for. */
    public TaskKind<?> expected() {
        return expected;
    }

    /** The server's answer. */
    public Task actual() {
        return actual;
    }

    /** Whether the answer was {@link TaskDone}: the server has no task of the type for the user. */
    public boolean noTaskAvailable() {
        return actual instanceof TaskDone;
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.DEFINITE;
    }
}
