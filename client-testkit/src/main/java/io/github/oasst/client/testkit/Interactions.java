package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.INVALID_RANKING_VALUE;
import static io.github.oasst.client.api.OasstErrorCode.MESSAGE_NOT_FOUND;
import static io.github.oasst.client.api.OasstErrorCode.RATING_OUT_OF_RANGE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_ALREADY_DONE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_INTERACTION_REQUEST_FAILED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_FOUND;
import static io.github.oasst.client.api.OasstErrorCode.TASK_PAYLOAD_TYPE_MISMATCH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.RankInitialPromptsTask;
import io.github.oasst.client.protocol.RankingTask;
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.ReplyTask;
import io.github.oasst.client.protocol.SummarizeStoryTask;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/tasks/interaction} of the fake backend, as the 2023-01 backend answers it: the
 * interaction checked against its task, the task marked done; a repeated text reply refused with
 * 2105, a repeated ranking with 1004 (its second row collides), a repeated label stored again.
 * Called under the {@link BackendState}'s lock.
 */
final class Interactions {
    private final Map<String, TaskRecord> byFrontendMessageId;
    private final Map<UUID, TaskRecord> byLabelledMessageId;
    private final MessageStore messages;

    Interactions(
            Map<String, TaskRecord> byFrontendMessageId,
            Map<UUID, TaskRecord> byLabelledMessageId,
            MessageStore messages) {
        this.byFrontendMessageId = byFrontendMessageId;
        this.byLabelledMessageId = byLabelledMessageId;
        this.messages = messages;
    }

    Reply handle(String text, boolean authorized, SeedContent content) {
        RequestValidation.Body body = RequestValidation.parse(text);
        if (body.json() == null) {
            return Responses.validation(body.errors());
        }
        List<String> member = new ArrayList<>(1);
        List<ObjectNode> errors = InteractionValidation.interaction(body.json(), member);
        if (!errors.isEmpty()) {
            return Responses.validation(errors);
        }
        if (!authorized) {
            return Responses.notAuthorized();
        }
        JsonNode json = body.json();
        return switch (member.get(0)) {
            case "text_reply_to_message" -> textReply(json, content);
            case "message_rating" -> rating(json);
            case "message_ranking" -> ranking(json);
            default -> labels(json);
        };
    }

    private Reply textReply(JsonNode json, SeedContent content) {
        String frontendId = Coercions.text(json.get("message_id"));
        TaskRecord record = byFrontendMessageId.get(frontendId);
        if (record == null) {
            return frontendTaskNotFound(400, frontendId);
        }
        // every reply task but reply_to_conversation, which this backend never hands out
        if (!(record.task instanceof ReplyTask || record.task instanceof SummarizeStoryTask)) {
            return payloadMismatch(record, "text_reply_to_message");
        }
        if (record.status == FakeTask.Status.DONE) {
            return Responses.oasstError(400, TASK_ALREADY_DONE, "Task already done.");
        }
        String reply = Coercions.text(json.get("text")).strip();
        content.submitted(record.task.type(), reply);
        if (record.task instanceof InitialPromptTask || record.parentMessageId != null) {
            JsonNode user = json.get("user");
            messages.add(
                    record.parentMessageId,
                    Coercions.text(json.get("user_message_id")),
                    messages.user(Coercions.text(user.get("id")), Coercions.text(user.get("display_name"))),
                    reply,
                    record.task instanceof AssistantReplyTask);
        }
        return done(record);
    }

    private Reply rating(JsonNode json) {
        String frontendId = Coercions.text(json.get("message_id"));
        TaskRecord record = byFrontendMessageId.get(frontendId);
        if (record == null || !(record.task instanceof RateSummaryTask rate)) {
            return Responses.oasstError(
                    404, MESSAGE_NOT_FOUND, "Message with frontend_message_id " + frontendId + " not found.");
        }
        if (record.status == FakeTask.Status.DONE) {
            return Responses.oasstError(400, TASK_ALREADY_DONE, "Task already done.");
        }
        int value = Coercions.integer(json.get("rating"));
        if (!rate.scale().contains(value)) {
            return Responses.oasstError(
                    400,
                    RATING_OUT_OF_RANGE,
                    "Invalid rating value: " + value + " (allowed "
                            + rate.scale().min() + "-" + rate.scale().max() + ")");
        }
        return done(record);
    }

    private Reply ranking(JsonNode json) {
        String frontendId = Coercions.text(json.get("message_id"));
        TaskRecord record = byFrontendMessageId.get(frontendId);
        if (record == null) {
            return frontendTaskNotFound(400, frontendId);
        }
        if (!(record.task instanceof RankingTask ranking)) {
            return payloadMismatch(record, "message_ranking");
        }
        if (record.status == FakeTask.Status.DONE) {
            // the backend's second ranking row collides in its database: nothing is stored twice
            return Responses.oasstError(400, TASK_INTERACTION_REQUEST_FAILED, "Interaction request failed.");
        }
        int items = ranking.itemsToRank().size();
        List<Integer> given = new ArrayList<>();
        json.get("ranking").forEach(index -> given.add(Coercions.integer(index)));
        boolean permutation = given.size() == items
                && given.stream().distinct().count() == items
                && given.stream().allMatch(i -> i >= 0 && i < items);
        if (!permutation) {
            String counted = ranking instanceof RankInitialPromptsTask ? "num_prompts" : "num_replies";
            return Responses.oasstError(
                    400,
                    INVALID_RANKING_VALUE,
                    "Invalid ranking submitted. Each reply index must appear exactly once (" + counted + "=" + items
                            + ").");
        }
        return done(record);
    }

    private Reply labels(JsonNode json) {
        UUID messageId = Coercions.uuid(json.get("message_id"));
        TaskRecord record = byLabelledMessageId.get(messageId);
        if (record == null || record.status == FakeTask.Status.NEW || record.status == FakeTask.Status.NACKED) {
            return Responses.oasstError(404, MESSAGE_NOT_FOUND, "Message with id " + messageId + " not found.");
        }
        // a repeated label is accepted and stored again, as the backend does
        return done(record);
    }

    private Reply done(TaskRecord record) {
        if (!record.collective) {
            record.status = FakeTask.Status.DONE;
        }
        record.answers++;
        return Responses.json(200, new TaskDone(UUID.randomUUID()));
    }

    static Reply frontendTaskNotFound(int status, @Nullable String frontendId) {
        return Responses.oasstError(
                status, TASK_NOT_FOUND, "Task for frontend_message_id='" + frontendId + "' not found");
    }

    private static Reply payloadMismatch(TaskRecord record, String interaction) {
        return Responses.oasstError(
                400,
                TASK_PAYLOAD_TYPE_MISMATCH,
                "Task payload type mismatch: " + record.task.type() + " task answered with " + interaction);
    }
}
