package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.CORRUPT_RANKING_RESULT;
import static io.github.oasst.client.api.OasstErrorCode.INVALID_FRONTEND_MESSAGE_ID;
import static io.github.oasst.client.api.OasstErrorCode.INVALID_RANKING_VALUE;
import static io.github.oasst.client.api.OasstErrorCode.MESSAGE_NOT_FOUND;
import static io.github.oasst.client.api.OasstErrorCode.TASK_ALREADY_DONE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_INTERACTION_REQUEST_FAILED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_MESSAGE_DUPLICATED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_MESSAGE_DUPLICATE_REPLY;
import static io.github.oasst.client.api.OasstErrorCode.TASK_MESSAGE_TOO_LONG;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_ACK;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_ASSIGNED_TO_USER;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_FOUND;
import static io.github.oasst.client.api.OasstErrorCode.TASK_PAYLOAD_TYPE_MISMATCH;
import static io.github.oasst.client.api.OasstErrorCode.TASK_UNEXPECTED_PAYLOAD_TYPE;
import static io.github.oasst.client.api.OasstErrorCode.TREE_IN_ABORTED_STATE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.testkit.RequestValidation.Dialect;
import io.github.oasst.client.testkit.Responses.Reply;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/tasks/interaction} of the 2023-05 fake: a text reply, rating, ranking or
 * labels checked against its task as that backend checks them (not acked or unknown 2100, another
 * user's 2106, done 2105, too long 1008, a recent duplicate 1009, a reused message id 1004, a
 * ranking that is no permutation 2003), stored, and the task done. Called under the backend's lock.
 */
final class MayInteractions {
    private static final int MAX_TEXT = 2000;
    private static final Set<String> ACCEPTING =
            Set.of(MayTree.GROWING, MayTree.RANKING, MayTree.READY_FOR_SCORING, MayTree.READY_FOR_EXPORT);

    private final MayStore store;
    private final MayTreeRules rules;
    private final MayLabels labels;

    MayInteractions(MayStore store, MayTreeRules rules, MayLabels labels) {
        this.store = store;
        this.rules = rules;
        this.labels = labels;
    }

    /** {@code _validate_task}: found, acknowledged, not done, and the user's (unless collective). */
    static MayTask validTask(@Nullable MayTask task, MayUser user, boolean checkAck, @Nullable String notFound) {
        if (task == null) {
            throw MayError.bad(TASK_NOT_FOUND, notFound == null ? "Task not found" : notFound);
        }
        if (checkAck && !Boolean.TRUE.equals(task.ack)) {
            throw MayError.bad(TASK_NOT_ACK, "Task is not acknowledged.");
        }
        if (task.done) {
            throw MayError.bad(TASK_ALREADY_DONE, "Task already done.");
        }
        if (!task.collective && task.user != user) {
            throw MayError.bad(TASK_NOT_ASSIGNED_TO_USER, "Task was assigned to a different user.");
        }
        return task;
    }

    /** Python's {@code repr} of a string. */
    static String repr(String text) {
        return text.contains("'") && !text.contains("\"") ? "\"" + text + "\"" : "'" + text.replace("'", "\\'") + "'";
    }

    private static String frontendId(JsonNode json, String field) {
        String id = Coercions.text(json.get(field));
        if (id == null || id.isEmpty()) {
            throw MayError.bad(INVALID_FRONTEND_MESSAGE_ID, "message_id must not be empty");
        }
        return id;
    }

    Reply handle(MayCall call) {
        List<String> member = new ArrayList<>(1);
        JsonNode json = call.requiredBody(body -> InteractionValidation.interaction(body, member, Dialect.V2023_05));
        call.authenticate(false);
        MayUser user = MayTasks.enabledUser(store.lookup(call.clientId(), json.get("user")));
        UUID client = call.clientId();
        switch (member.get(0)) {
            case "text_reply_to_message" -> textReply(json, user, client);
            case "message_rating" -> rating(json, user, client);
            case "message_ranking" -> ranking(json, user, client);
            default -> {
                MayMessage labelled = labels.store(
                        json,
                        user,
                        client,
                        () -> MayError.bad(TASK_INTERACTION_REQUEST_FAILED, "Interaction request failed."));
                if (labelled != null) {
                    rules.reviewed(labelled);
                }
            }
        }
        user.lastActivity = store.time.now();
        return Responses.json(200, new TaskDone(UUID.randomUUID()));
    }

    private void textReply(JsonNode json, MayUser user, UUID client) {
        String frontendId = frontendId(json, "message_id");
        String userMessageId = frontendId(json, "user_message_id");
        MayTask task = validTask(store.taskByFrontendId(client, frontendId), user, true, null);
        String text = Coercions.text(json.get("text")).strip();
        if (text.length() > MAX_TEXT) {
            throw MayError.bad(TASK_MESSAGE_TOO_LONG, "Message size too long.");
        }
        OffsetDateTime now = store.time.now();
        if (store.messages().stream()
                .anyMatch(m -> m.user == user && m.created.isAfter(now.minusMinutes(120)) && m.text.equals(text))) {
            throw MayError.bad(TASK_MESSAGE_DUPLICATED, "User recent messages have duplicates");
        }
        MayMessage parent = store.message(task.parentMessageId);
        if (parent != null) {
            if (!ACCEPTING.contains(store.tree(parent.treeId).state)) {
                throw MayError.bad(
                        TREE_IN_ABORTED_STATE,
                        "Message insertion failed. Message tree is no longer accepting messages.");
            }
            if (store.children(parent.id).stream().anyMatch(c -> !c.deleted && c.user == user)) {
                throw MayError.bad(TASK_MESSAGE_DUPLICATE_REPLY, "User cannot reply twice to the same message.");
            }
        }
        if (!task.type.equals("initial_prompt") && !task.isReply()) {
            String payload = task.payloadClass().replaceAll(".*\\.(\\w+)'>$", "$1");
            throw MayError.bad(TASK_UNEXPECTED_PAYLOAD_TYPE, "Unexpected task payload type: " + payload);
        }
        if (store.byFrontendId(client, userMessageId) != null) {
            // the unique index refuses the message; the route answers its generic failure
            throw MayError.bad(TASK_INTERACTION_REQUEST_FAILED, "Interaction request failed.");
        }
        JsonNode lang = json.get("lang");
        String language = lang == null || lang.isNull() || Coercions.text(lang).isEmpty() ? "en" : Coercions.text(lang);
        MayMessage message = store.add(new MayMessage(
                UUID.randomUUID(),
                parent,
                userMessageId,
                user,
                text,
                language,
                task.type.equals("assistant_reply"),
                store.time.now()));
        if (parent != null) {
            message.deleted = parent.deleted;
        } else {
            store.addTree(new MayTree(message.id, language, MayTree.INITIAL_PROMPT_REVIEW));
        }
        done(task);
    }

    private void rating(JsonNode json, MayUser user, UUID client) {
        String frontendId = frontendId(json, "message_id");
        if (store.byFrontendId(client, frontendId) == null) {
            throw MayError.of(404, MESSAGE_NOT_FOUND, "Message with frontend_message_id " + frontendId + " not found.");
        }
        MayTask task = validTask(store.taskByFrontendId(client, frontendId), user, true, null);
        // no rate_summary task can exist at 2023-05: every task is of another payload
        throw MayError.bad(
                TASK_PAYLOAD_TYPE_MISMATCH,
                "Task payload type mismatch: type(task_payload)=" + task.payloadClass()
                        + " != <class 'oasst_backend.models.db_payload.RateSummaryPayload'>");
    }

    private void ranking(JsonNode json, MayUser user, UUID client) {
        String frontendId = frontendId(json, "message_id");
        MayTask task = validTask(
                store.taskByFrontendId(client, frontendId),
                user,
                true,
                "Task for frontend_message_id=" + repr(frontendId) + " not found");
        if (!task.isRanking()) {
            throw MayError.bad(
                    TASK_PAYLOAD_TYPE_MISMATCH,
                    "task payload type mismatch: type(task_payload)=" + task.payloadClass()
                            + " != <class 'oasst_backend.models.db_payload.RankConversationRepliesPayload'>");
        }
        List<UUID> replies = task.replyIds();
        List<Integer> ranking = new ArrayList<>();
        json.get("ranking").forEach(index -> ranking.add(Coercions.integer(index)));
        if (!ranking.stream()
                .sorted()
                .toList()
                .equals(java.util.stream.IntStream.range(0, replies.size())
                        .boxed()
                        .toList())) {
            throw MayError.bad(
                    INVALID_RANKING_VALUE,
                    "Invalid ranking submitted. Each reply index must appear exactly once (num_replies="
                            + replies.size() + ").");
        }
        List<UUID> ranked = ranking.stream().map(replies::get).toList();
        for (UUID id : ranked) {
            MayMessage reply = store.message(id);
            if (reply == null || !task.parentMessageId.equals(reply.parentId)) {
                throw MayError.bad(CORRUPT_RANKING_RESULT, "Corrupt reply ranking result");
            }
        }
        ranked.forEach(id -> store.message(id).rankingCount++);
        store.rankings().add(new MayStore.Ranking(task.id, user, task.parentMessageId, ranked));
        done(task);
        rules.ranked(store.tree(task.treeId));
    }

    static void done(MayTask task) {
        if (!task.collective) {
            task.done = true;
        }
        task.answers++;
    }
}
