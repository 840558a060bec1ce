package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task the 2023-05 fake handed out, with the columns of that backend's task table: acked (null
 * until then), its frontend message id, done, skipped. Guarded by the backend's lock.
 */
final class MayTask {
    /** The backend's payload class of each task type, as its error messages name them. */
    private static final Map<String, String> PAYLOADS = Map.of(
            "initial_prompt", "InitialPromptPayload",
            "prompter_reply", "PrompterReplyPayload",
            "assistant_reply", "AssistantReplyPayload",
            "rank_assistant_replies", "RankAssistantRepliesPayload",
            "rank_prompter_replies", "RankPrompterRepliesPayload",
            "label_initial_prompt", "LabelInitialPromptPayload",
            "label_assistant_reply", "LabelAssistantReplyPayload",
            "label_prompter_reply", "LabelPrompterReplyPayload");

    final UUID id;
    final String type;
    final ObjectNode payload;
    final MayUser user;
    final boolean collective;
    final OffsetDateTime created;
    final @Nullable UUID parentMessageId;
    final @Nullable UUID treeId;

    @Nullable
    Boolean ack;

    @Nullable
    String frontendMessageId;

    boolean done;
    boolean skipped;
    int answers;

    MayTask(
            ObjectNode payload,
            MayUser user,
            boolean collective,
            OffsetDateTime created,
            @Nullable UUID parentMessageId,
            @Nullable UUID treeId) {
        this.id = UUID.fromString(payload.get("id").textValue());
        this.type = payload.get("type").textValue();
        this.payload = payload;
        this.user = user;
        this.collective = collective;
        this.created = created;
        this.parentMessageId = parentMessageId;
        this.treeId = treeId;
    }

    UUID clientId() {
        return user.clientId;
    }

    /** The payload's Python class, as {@code type(task_payload)} prints it. */
    String payloadClass() {
        return "<class 'oasst_backend.models.db_payload." + PAYLOADS.getOrDefault(type, "TaskPayload") + "'>";
    }

    boolean isLabel() {
        return type.startsWith("label_");
    }

    boolean isRanking() {
        return type.startsWith("rank_");
    }

    boolean isReply() {
        return type.equals("prompter_reply") || type.equals("assistant_reply");
    }

    /** The message a label task names. */
    UUID labelledMessageId() {
        return UUID.fromString(payload.get("message_id").textValue());
    }

    List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = payload.get(field);
        if (array != null) {
            array.forEach(value -> values.add(value.textValue()));
        }
        return values;
    }

    /** The ids of the replies a ranking task ranks, in the order handed out. */
    List<UUID> replyIds() {
        List<UUID> ids = new ArrayList<>();
        payload.get("reply_messages")
                .forEach(m -> ids.add(UUID.fromString(m.get("id").textValue())));
        return ids;
    }

    FakeTask snapshot() {
        FakeTask.Status status = done
                ? FakeTask.Status.DONE
                : skipped
                        ? FakeTask.Status.NACKED
                        : Boolean.TRUE.equals(ack) ? FakeTask.Status.ACKED : FakeTask.Status.NEW;
        return new FakeTask(id, type, status, frontendMessageId, answers);
    }
}
