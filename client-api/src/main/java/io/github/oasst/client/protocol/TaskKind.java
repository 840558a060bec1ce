package io.github.oasst.client.protocol;

import io.github.oasst.client.internal.Checks;
import java.util.List;

/**
 * A typed key for fetching a task: names the request type and the task class the server answers
 * it with, so that fetching gives that class back without casts.
 *
 * <pre>{@code
 * InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user);
 * }</pre>
 *
 * @param <T> the task class the server answers with
 */
public final class TaskKind<T extends Task> {
    /** Lets the server choose; any task but {@link TaskDone} is an answer, an {@link UnknownTask} too. */
    public static final TaskKind<Task> RANDOM = new TaskKind<>(TaskRequestType.RANDOM, Task.class);

    /** Asks for a {@link SummarizeStoryTask}. */
    public static final TaskKind<SummarizeStoryTask> SUMMARIZE_STORY =
            new TaskKind<>(TaskRequestType.SUMMARIZE_STORY, SummarizeStoryTask.class);

    /** Asks for a {@link RateSummaryTask}. */
    public static final TaskKind<RateSummaryTask> RATE_SUMMARY =
            new TaskKind<>(TaskRequestType.RATE_SUMMARY, RateSummaryTask.class);

    /** Asks for a {@link InitialPromptTask}. */
    public static final TaskKind<InitialPromptTask> INITIAL_PROMPT =
            new TaskKind<>(TaskRequestType.INITIAL_PROMPT, InitialPromptTask.class);

    /** Asks for a {@link PrompterReplyTask}. */
    public static final TaskKind<PrompterReplyTask> PROMPTER_REPLY =
            new TaskKind<>(TaskRequestType.PROMPTER_REPLY, PrompterReplyTask.class);

    /** Asks for a {@link AssistantReplyTask}. */
    public static final TaskKind<AssistantReplyTask> ASSISTANT_REPLY =
            new TaskKind<>(TaskRequestType.ASSISTANT_REPLY, AssistantReplyTask.class);

    /** Asks for a {@link RankInitialPromptsTask}. */
    public static final TaskKind<RankInitialPromptsTask> RANK_INITIAL_PROMPTS =
            new TaskKind<>(TaskRequestType.RANK_INITIAL_PROMPTS, RankInitialPromptsTask.class);

    /** Asks for a {@link RankPrompterRepliesTask}. */
    public static final TaskKind<RankPrompterRepliesTask> RANK_PROMPTER_REPLIES =
            new TaskKind<>(TaskRequestType.RANK_PROMPTER_REPLIES, RankPrompterRepliesTask.class);

    /** Asks for a {@link RankAssistantRepliesTask}. */
    public static final TaskKind<RankAssistantRepliesTask> RANK_ASSISTANT_REPLIES =
            new TaskKind<>(TaskRequestType.RANK_ASSISTANT_REPLIES, RankAssistantRepliesTask.class);

    /** Asks for a {@link LabelInitialPromptTask}. */
    public static final TaskKind<LabelInitialPromptTask> LABEL_INITIAL_PROMPT =
            new TaskKind<>(TaskRequestType.LABEL_INITIAL_PROMPT, LabelInitialPromptTask.class);

    /** Asks for a {@link LabelAssistantReplyTask}. */
    public static final TaskKind<LabelAssistantReplyTask> LABEL_ASSISTANT_REPLY =
            new TaskKind<>(TaskRequestType.LABEL_ASSISTANT_REPLY, LabelAssistantReplyTask.class);

    /** Asks for a {@link LabelPrompterReplyTask}. */
    public static final TaskKind<LabelPrompterReplyTask> LABEL_PROMPTER_REPLY =
            new TaskKind<>(TaskRequestType.LABEL_PROMPTER_REPLY, LabelPrompterReplyTask.class);

    private static final List<TaskKind<?>> VALUES = List.of(
            RANDOM,
            SUMMARIZE_STORY,
            RATE_SUMMARY,
            INITIAL_PROMPT,
            PROMPTER_REPLY,
            ASSISTANT_REPLY,
            RANK_INITIAL_PROMPTS,
            RANK_PROMPTER_REPLIES,
            RANK_ASSISTANT_REPLIES,
            LABEL_INITIAL_PROMPT,
            LABEL_ASSISTANT_REPLY,
            LABEL_PROMPTER_REPLY);

    private final TaskRequestType requestType;
    private final Class<T> taskClass;

    private TaskKind(TaskRequestType requestType, Class<T> taskClass) {
        this.requestType = requestType;
        this.taskClass = taskClass;
    }

    /** All kinds, {@link #RANDOM} first, in the order of {@link TaskRequestType}. */
    public static List<TaskKind<?>> values() {
        return VALUES;
    }

    /** The kind for a request type. */
    public static TaskKind<?> of(TaskRequestType requestType) {
        Checks.notNull(requestType, "request type");
        return VALUES.get(requestType.ordinal());
    }

    /** The request type sent to the server. */
    public TaskRequestType requestType() {
        return requestType;
    }

    /** The class of the tasks that answer this kind. */
    public Class<T> taskClass() {
        return taskClass;
    }

    /**
     * Whether the task answers a request of this kind: an instance of {@link #taskClass()}, and not
     * {@link TaskDone}, which means that no task is available.
     */
    public boolean isAnsweredBy(Task task) {
        return taskClass.isInstance(task) && !(task instanceof TaskDone);
    }

    /**
     * The task as this kind's class.
     *
     * @throws ClassCastException if {@link #isAnsweredBy(Task)} is false for it
     */
    public T cast(Task task) {
        if (!isAnsweredBy(task)) {
            throw new ClassCastException("a " + task.type() + " task does not answer a " + requestType + " request");
        }
        return taskClass.cast(task);
    }

    @Override
    public String toString() {
        return requestType.wireName();
    }
}
