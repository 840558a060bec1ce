package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.INVALID_FRONTEND_MESSAGE_ID;
import static io.github.oasst.client.api.OasstErrorCode.TASK_ALREADY_UPDATED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_FOUND;
import static io.github.oasst.client.api.OasstErrorCode.USER_DISABLED;
import static io.github.oasst.client.api.OasstErrorCode.USER_NOT_SPECIFIED;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.testkit.MayRouter.Auth;
import io.github.oasst.client.testkit.RequestValidation.Dialect;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/tasks} of the 2023-05 fake: task requests, availability, ack, nack and close, with
 * that backend's checks in its order (validation, key, user, then the task). Called under the
 * backend's lock.
 */
final class MayTasks {
    private static final int MAX_REASON = 512;

    private final MayTaskMaker maker;
    private final MayInteractions interactions;

    MayTasks(MayTaskMaker maker, MayInteractions interactions) {
        this.maker = maker;
        this.interactions = interactions;
    }

    void routes(MayRouter router) {
        router.add("POST", "/api/v1/tasks/", Auth.BODY, this::request);
        router.add("POST", "/api/v1/tasks/availability", Auth.BODY, this::availability);
        router.add("POST", "/api/v1/tasks/{task_id}/ack", Auth.BODY, this::ack);
        router.add("POST", "/api/v1/tasks/{task_id}/nack", Auth.BODY, this::nack);
        router.add("POST", "/api/v1/tasks/interaction", Auth.BODY, interactions::handle);
        router.add("POST", "/api/v1/tasks/close", Auth.BODY, this::close);
    }

    /** The body's user, checked as {@code ensure_user_is_enabled} does: 400/4000 without, 503/4001 disabled. */
    static MayUser enabledUser(@Nullable MayUser user) {
        if (user == null) {
            throw MayError.bad(USER_NOT_SPECIFIED, "User required");
        }
        if (!user.active()) {
            throw MayError.of(503, USER_DISABLED, "User account disabled");
        }
        return user;
    }

    private Reply request(MayCall call) {
        JsonNode body = call.requiredBody(json -> RequestValidation.taskRequest(json, Dialect.V2023_05));
        call.authenticate(false);
        MayUser user = enabledUser(call.store.lookup(call.clientId(), body.get("user")));
        JsonNode type = body.get("type");
        JsonNode collective = body.get("collective");
        MayTask task = maker.next(
                user,
                type == null ? "random" : type.textValue(),
                language(
                        body.get("lang") == null || body.get("lang").isNull()
                                ? null
                                : Coercions.text(body.get("lang"))),
                collective != null && Boolean.TRUE.equals(Coercions.bool(collective)));
        return Responses.json(200, task.payload);
    }

    private static String language(@Nullable String lang) {
        return lang == null || lang.isEmpty() ? "en" : lang;
    }

    private Reply availability(MayCall call) {
        RequestValidation.Body body = call.body();
        JsonNode user = body.json();
        if (user != null) {
            RequestValidation.user(user, List.of("body"), Dialect.V2023_05).forEach(call.query::addError);
        } else if (!body.errors().isEmpty()
                && !body.errors().get(0).path("type").asText().equals("value_error.missing")) {
            body.errors().forEach(call.query::addError);
        }
        call.check();
        call.authenticate(false);
        MayUser known = enabledUser(call.store.lookup(call.clientId(), user));
        return Responses.json(200, maker.availability(known, language(call.query.text("lang"))));
    }

    private Reply ack(MayCall call) {
        UUID taskId = call.pathUuid("task_id");
        JsonNode body = call.requiredBody(json -> RequestValidation.singleString(json, "message_id"));
        call.authenticate(false);
        call.viewer();
        String frontendId = Coercions.text(body.get("message_id"));
        if (frontendId == null || frontendId.isEmpty()) {
            throw MayError.bad(INVALID_FRONTEND_MESSAGE_ID, "message_id must not be empty");
        }
        MayTask task = call.store.task(call.clientId(), taskId);
        if (task == null) {
            throw MayError.of(404, TASK_NOT_FOUND, "Task for task_id=UUID('" + taskId + "') not found");
        }
        if (Boolean.TRUE.equals(task.ack) && frontendId.equals(task.frontendMessageId)) {
            return Responses.noContent();
        }
        if (task.done || task.ack != null) {
            throw MayError.bad(TASK_ALREADY_UPDATED, "Task already updated.");
        }
        task.ack = true;
        task.frontendMessageId = frontendId;
        return Responses.noContent();
    }

    private Reply nack(MayCall call) {
        UUID taskId = call.pathUuid("task_id");
        JsonNode body = call.requiredBody(MayTasks::nackBody);
        call.authenticate(false);
        MayUser user = enabledUser(call.viewer());
        MayTask task = MayInteractions.validTask(call.store.task(call.clientId(), taskId), user, false, null);
        JsonNode reason = body.get("reason");
        if (reason != null && reason.isTextual() && reason.textValue().length() > MAX_REASON) {
            // the column is varchar(512): the database refuses it, the backend answers 500
            throw MayError.serverError();
        }
        if (!task.collective) {
            task.skipped = true;
        }
        String skip = task.isReply() ? "_skip_reply" : task.isLabel() ? "_skip_labeling" : "_skip_ranking";
        MayMessage parent = call.store.message(task.parentMessageId);
        if (parent != null) {
            MayMessages.emoji(parent, user, "add", skip);
        }
        return Responses.noContent();
    }

    private static List<com.fasterxml.jackson.databind.node.ObjectNode> nackBody(JsonNode body) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(Responses.error(List.of("body"), "value is not a valid dict", "type_error.dict"));
        } else {
            RequestValidation.optionalString(body, "reason", List.of("body"), errors);
        }
        return errors;
    }

    private Reply close(MayCall call) {
        call.requiredBody(json -> RequestValidation.singleString(json, "message_id"));
        call.authenticate(false);
        // the handler builds TaskRepository(db, api_client) without its two other arguments
        throw MayError.serverError();
    }
}
