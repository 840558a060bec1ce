package io.github.oasst.examples.spring;

import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.LabelTask;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.MessageRating;
import io.github.oasst.client.protocol.RankingTask;
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.ReplyTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/**
 * What a frontend does with the tasks API: fetch a task for a user, acknowledge it under the
 * frontend's message id, answer it (a text reply, a ranking, labels or a rating) or reject it. It is
 * written against the interface ({@link OasstTasksClient}, a Spring Cloud OpenFeign client) and
 * names no retry: each method of the interface runs under the client's retries, per operation.
 * What the server did not process is retried; an ambiguous failure of ack, nack or fetch is
 * retried and reconciled (a retried ack answered {@code TASK_ALREADY_UPDATED} means the first one
 * took effect); an interaction is sent again after an ambiguous failure only when its kind is in
 * {@code oasst.retry.ambiguous-interactions} (here text replies and rankings, which the backend
 * refuses to store twice), so an answer is never stored twice.
 */
@Service
public class FrontendTasks {
    private final OasstTasksApi api;

    public FrontendTasks(OasstTasksClient api) {
        this.api = api;
    }

    /** Fetches a task of the type for the user; {@link TaskDone} when none is available. */
    public Task fetchTask(TaskRequestType type, User user) {
        TaskRequest request = TaskRequest.of(type, user);
        return api.requestTask(request);
    }

    /** Acknowledges the task: the frontend shows it as its message {@code frontendMessageId}. */
    // tag::spring-retries[]
    public void ackTask(UUID taskId, String frontendMessageId) {
        TaskAck ack = new TaskAck(frontendMessageId);
        api.ackTask(taskId, ack);
    }
    // end::spring-retries[]

    /** Rejects the task. */
    public void nackTask(UUID taskId, String reason) {
        TaskNAck nack = new TaskNAck(reason);
        api.nackTask(taskId, nack);
    }

    /** Posts the user's answer to an acknowledged task. */
    public void answer(Interaction interaction) {
        api.postInteraction(interaction); // repeated after a lost answer only for the kinds configured
    }

    /**
     * One round: fetches a task, and either acknowledges and answers it with {@link #sampleAnswer} or,
     * when it has none, rejects it. The server having no task for the user ({@code task_done}, or
     * the errors {@code TASK_GENERATION_FAILED} and {@code TASK_REQUESTED_TYPE_NOT_AVAILABLE}) is an
     * outcome, not a failure.
     *
     * @throws io.github.oasst.client.api.OasstException any other failure, after the retries
     */
    public Round playRound(TaskRequestType type, User user) {
        Task task;
        try {
            task = fetchTask(type, user);
        } catch (OasstError e) {
            if (e.hasErrorCode(OasstErrorCode.TASK_GENERATION_FAILED)
                    || e.hasErrorCode(OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE)) {
                return new Round(Round.Outcome.NO_TASK, type.wireName(), null, e.description());
            }
            throw e;
        }
        if (task instanceof TaskDone) {
            return new Round(Round.Outcome.NO_TASK, type.wireName(), null, "the server answered task_done");
        }
        String frontendMessageId = "spring-example-" + UUID.randomUUID();
        Optional<Interaction> answer = sampleAnswer(task, user, frontendMessageId);
        if (answer.isEmpty()) {
            String reason = "this frontend cannot show " + task.type() + " tasks";
            nackTask(task.id(), reason);
            return new Round(Round.Outcome.REJECTED, task.type(), task.id(), reason);
        }
        ackTask(task.id(), frontendMessageId);
        answer(answer.get());
        return new Round(
                Round.Outcome.ANSWERED, task.type(), task.id(), answer.get().type());
    }

    /**
     * A canned answer standing in for the user's: a short text for a reply task (a prompt for an
     * initial-prompt task), the items in the
     * order given for a ranking task, "not spam" for a label task, the lowest rating for a rating
     * task; empty for any other task.
     */
    static Optional<Interaction> sampleAnswer(Task task, User user, String frontendMessageId) {
        if (task instanceof ReplyTask) {
            String text = task instanceof InitialPromptTask
                    ? "How do tides work, and why are there two of them a day?"
                    : "The Moon's pull raises the sea on the side facing it and on the far side.";
            return Optional.of(TextReplyToMessage.of(user, frontendMessageId, frontendMessageId + "-reply", text));
        }
        if (task instanceof RankingTask ranking && !ranking.itemsToRank().isEmpty()) {
            List<Integer> order =
                    IntStream.range(0, ranking.itemsToRank().size()).boxed().toList();
            return Optional.of(new MessageRanking(user, frontendMessageId, order));
        }
        if (task instanceof LabelTask label && !label.validLabels().isEmpty()) {
            Map<String, Double> labels = new LinkedHashMap<>();
            label.mandatoryLabels().forEach(name -> labels.put(name, 0.0));
            String spam = TextLabel.SPAM.wireName();
            labels.put(
                    label.validLabels().contains(spam)
                            ? spam
                            : label.validLabels().get(0),
                    0.0);
            return Optional.of(new TextLabels(user, label.messageId(), label.textToLabel(), labels));
        }
        if (task instanceof RateSummaryTask rate && rate.scale().min() > 0) {
            return Optional.of(
                    new MessageRating(user, frontendMessageId, rate.scale().min()));
        }
        return Optional.empty();
    }
}
