package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.TASK_PAYLOAD_TYPE_MISMATCH;
import static io.github.oasst.client.api.OasstErrorCode.TEXT_LABELS_DUPLICATE_TASK_REPLY;
import static io.github.oasst.client.api.OasstErrorCode.TEXT_LABELS_INVALID_LABEL;
import static io.github.oasst.client.api.OasstErrorCode.TEXT_LABELS_MANDATORY_LABEL_MISSING;
import static io.github.oasst.client.api.OasstErrorCode.TEXT_LABELS_NO_SELF_LABELING;
import static io.github.oasst.client.api.OasstErrorCode.TEXT_LABELS_WRONG_MESSAGE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.testkit.MayRouter.Auth;
import io.github.oasst.client.testkit.RequestValidation.Dialect;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Text labels of the 2023-05 fake: {@code /api/v1/text_labels} (free labelling, the valid and the
 * report labels) and the labels of the {@code text_labels} interaction. With a {@code task_id} the
 * labels complete that label task and review its message (2050, 2051, 2052, 2053 as that backend
 * checks them); without, they are the user's free labels of the message, updated on a repeat, and
 * complete nothing. Called under the backend's lock.
 */
final class MayLabels {
    private final MayStore store;

    MayLabels(MayStore store) {
        this.store = store;
    }

    void routes(MayRouter router) {
        router.add("POST", "/api/v1/text_labels/", Auth.BODY, this::label);
        router.add("GET", "/api/v1/text_labels/valid_labels", Auth.KEY, this::validLabels);
        router.add(
                "GET",
                "/api/v1/text_labels/report_labels",
                Auth.NONE,
                call -> Responses.json(200, MayLabelNames.validLabels(MayLabelNames.REPORT)));
    }

    private Reply label(MayCall call) {
        JsonNode json = call.requiredBody(body -> InteractionValidation.textLabels(body, Dialect.V2023_05));
        call.authenticate(false);
        MayUser user = store.lookup(call.clientId(), json.get("user"));
        // a failure that is no OasstError becomes a bare 400
        store(
                json,
                MayTasks.enabledUser(user),
                call.clientId(),
                () -> new MayError(Responses.detail(400, "Bad Request")));
        return Responses.noContent();
    }

    private Reply validLabels(MayCall call) {
        UUID messageId = call.query.uuid("message_id");
        call.check();
        if (messageId == null) {
            return Responses.json(200, MayLabelNames.validLabels(MayLabelNames.withoutFailsTask()));
        }
        MayMessage message = store.existing(messageId);
        List<String> names =
                message.parentId == null || !message.assistant ? MayLabelNames.PROMPT : MayLabelNames.ASSISTANT;
        return Responses.json(200, MayLabelNames.validLabels(names));
    }

    /**
     * {@code store_text_labels}: the labels stored; the message a task's labels reviewed, null for
     * free labels. {@code storeFailed} is the route's answer to what the database refuses (labels of
     * an unknown message).
     */
    @Nullable
    MayMessage store(JsonNode json, MayUser user, UUID client, Supplier<MayError> storeFailed) {
        UUID messageId = Coercions.uuid(json.get("message_id"));
        Map<String, Double> values = new LinkedHashMap<>();
        json.get("labels").properties().forEach(e -> values.put(e.getKey(), Coercions.number(e.getValue())));
        String text = Coercions.text(json.get("text"));
        UUID taskId = Coercions.uuid(json.get("task_id"));
        if (taskId == null) {
            return free(json, user, messageId, values, text, storeFailed);
        }
        MayTask task = MayInteractions.validTask(
                store.task(client, taskId), user, true, "Task for task_id=UUID('" + taskId + "') not found");
        if (!task.isLabel()) {
            throw MayError.bad(TASK_PAYLOAD_TYPE_MISMATCH, "Unexpected text_labels task payload");
        }
        if (task.type.equals("label_initial_prompt")
                && !task.labelledMessageId().equals(messageId)) {
            throw MayError.bad(TEXT_LABELS_WRONG_MESSAGE_ID, "Task message id mismatch");
        }
        // a reply task's check compares message_id with itself: the labels go to the task's message
        messageId = task.labelledMessageId();
        List<String> valid = task.strings("valid_labels");
        if (!valid.containsAll(values.keySet())) {
            throw MayError.bad(TEXT_LABELS_INVALID_LABEL, "Invalid text label specified");
        }
        List<String> missing = new ArrayList<>(task.strings("mandatory_labels"));
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw MayError.bad(
                    TEXT_LABELS_MANDATORY_LABEL_MISSING,
                    "Mandatory text labels missing: " + String.join(", ", missing));
        }
        MayMessage message = store.existing(messageId);
        if (message.user == user) {
            throw MayError.bad(TEXT_LABELS_NO_SELF_LABELING, "Labeling own message is not allowed.");
        }
        UUID labelled = messageId;
        if (store.labels().stream().anyMatch(l -> l.messageId.equals(labelled) && l.user == user && l.taskId != null)) {
            throw MayError.bad(TEXT_LABELS_DUPLICATE_TASK_REPLY, "Message was already labeled by same user before.");
        }
        message.reviewCount++;
        store.labels().add(new MayLabel(messageId, user, task.id, text, values));
        MayInteractions.done(task);
        return message;
    }

    private @Nullable MayMessage free(
            JsonNode json,
            MayUser user,
            UUID messageId,
            Map<String, Double> values,
            String text,
            Supplier<MayError> storeFailed) {
        JsonNode report = json.get("is_report");
        if (report != null && Boolean.TRUE.equals(Coercions.bool(report))) {
            MayMessages.emoji(store.existing(messageId), user, "add", "red_flag");
        }
        for (MayLabel existing : store.labels()) {
            if (existing.messageId.equals(messageId) && existing.user == user && existing.taskId == null) {
                existing.labels = values;
                return null;
            }
        }
        if (store.message(messageId) == null) {
            throw storeFailed.get();
        }
        store.labels().add(new MayLabel(messageId, user, null, text, values));
        return null;
    }
}
