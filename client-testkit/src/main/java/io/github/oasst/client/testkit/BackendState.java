package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.LabelAssistantReplyTask;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.LabelPrompterReplyTask;
import io.github.oasst.client.protocol.LabelTask;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.RankInitialPromptsTask;
import io.github.oasst.client.protocol.RankPrompterRepliesTask;
import io.github.oasst.client.protocol.RankingTask;
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.RatingScale;
import io.github.oasst.client.protocol.SummarizeStoryTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fake backend's behaviour: routing, validation, the API-key check and the task lifecycle of
 * the 2023-01 backend, with its error codes, statuses and messages. Thread-safe: one lock guards
 * the state.
 */
final class BackendState {
    private static final String TASKS = "/api/v1/tasks/";
    private static final Set<String> REPLY_TYPES =
            Set.of("initial_prompt", "prompter_reply", "assistant_reply", "summarize_story");
    private static final Set<String> RANKING_TYPES =
            Set.of("rank_initial_prompts", "rank_prompter_replies", "rank_assistant_replies");
    private static final Set<String> LABEL_TYPES =
            Set.of("label_initial_prompt", "label_prompter_reply", "label_assistant_reply");
    /** The types the 2023-01 backend serves; random picks among these and the two it fails to generate. */
    private static final List<String> SERVED = List.of(
            "initial_prompt",
            "prompter_reply",
            "assistant_reply",
            "rank_initial_prompts",
            "rank_prompter_replies",
            "rank_assistant_replies",
            "label_initial_prompt");

    private enum Status {
        NEW,
        ACKED,
        NACKED,
        DONE
    }

    private static final class TaskRecord {
        final Task task;
        final boolean collective;
        Status status = Status.NEW;

        @Nullable
        String frontendMessageId;

        TaskRecord(Task task, boolean collective) {
            this.task = task;
            this.collective = collective;
        }
    }

    private final Object lock = new Object();
    private final String apiKey;
    private final boolean serveAllTaskTypes;
    private final long seed;
    private Random random;
    private SeedContent content;
    private final Map<UUID, TaskRecord> tasks = new HashMap<>();
    private final Map<String, TaskRecord> byFrontendMessageId = new HashMap<>();
    private final Map<UUID, TaskRecord> byLabelledMessageId = new HashMap<>();
    private final Map<String, UUID> messageIds = new HashMap<>();

    BackendState(String apiKey, boolean serveAllTaskTypes, long seed) {
        this.apiKey = apiKey;
        this.serveAllTaskTypes = serveAllTaskTypes;
        this.seed = seed;
        this.random = new Random(seed);
        this.content = new SeedContent(random);
    }

    /** Forgets every task, as a freshly started backend. */
    void reset() {
        synchronized (lock) {
            tasks.clear();
            byFrontendMessageId.clear();
            byLabelledMessageId.clear();
            messageIds.clear();
            random = new Random(seed);
            content = new SeedContent(random);
        }
    }

    /** Answers a request. {@code origin} is the scheme, host and port, for redirects. */
    Reply handle(String method, String path, @Nullable String query, @Nullable String key, String body, String origin) {
        if (path.equals("/api/v1/tasks")) {
            // FastAPI's redirect_slashes
            return new Reply(307, "", Map.of("Location", origin + TASKS + (query == null ? "" : "?" + query)));
        }
        if (!path.startsWith(TASKS)) {
            return Responses.detail(404, "Not Found");
        }
        String rest = path.substring(TASKS.length());
        String[] parts = rest.split("/", -1);
        boolean known = rest.isEmpty()
                || rest.equals("interaction")
                || rest.equals("close")
                || (parts.length == 2 && (parts[1].equals("ack") || parts[1].equals("nack")));
        if (!known) {
            return Responses.detail(404, "Not Found");
        }
        if (!method.equals("POST")) {
            return Responses.detail(405, "Method Not Allowed");
        }
        String apiKeyGiven = key != null ? key : queryParameter(query, "api_key");
        boolean authorized = apiKey.equals(apiKeyGiven);
        synchronized (lock) {
            if (rest.isEmpty()) {
                return requestTask(body, authorized);
            }
            if (rest.equals("interaction")) {
                return interaction(body, authorized);
            }
            if (rest.equals("close")) {
                return close(body, authorized);
            }
            return parts[1].equals("ack") ? ack(parts[0], body, authorized) : nack(parts[0], body, authorized);
        }
    }

    private static @Nullable String queryParameter(@Nullable String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    // ---- POST /api/v1/tasks/ ----------------------------------------------------------------------

    private Reply requestTask(String text, boolean authorized) {
        RequestValidation.Body body = RequestValidation.parse(text);
        if (body.json() == null) {
            return Responses.validation(body.errors());
        }
        List<ObjectNode> errors = RequestValidation.taskRequest(body.json());
        if (!errors.isEmpty()) {
            return Responses.validation(errors);
        }
        if (!authorized) {
            return Responses.notAuthorized();
        }
        JsonNode typeNode = body.json().get("type");
        String type = typeNode == null ? "random" : typeNode.textValue();
        JsonNode collectiveNode = body.json().get("collective");
        boolean collective = collectiveNode != null && Boolean.TRUE.equals(RequestValidation.bool(collectiveNode));
        if (type.equals("random")) {
            List<String> candidates = new ArrayList<>(SERVED);
            candidates.add("label_prompter_reply");
            candidates.add("label_assistant_reply");
            if (serveAllTaskTypes) {
                candidates.add("summarize_story");
                candidates.add("rate_summary");
            }
            type = candidates.get(random.nextInt(candidates.size()));
        }
        if (!serveAllTaskTypes) {
            if (type.equals("summarize_story") || type.equals("rate_summary")) {
                return Responses.oasstError(400, 1000, "Invalid request type");
            }
            if (type.equals("label_prompter_reply") || type.equals("label_assistant_reply")) {
                return Responses.oasstError(400, 1005, "Failed to generate task.");
            }
        }
        Task task = generate(type);
        TaskRecord record = new TaskRecord(task, collective);
        tasks.put(task.id(), record);
        if (task instanceof LabelTask label) {
            byLabelledMessageId.put(label.messageId(), record);
        }
        return Responses.json(200, task);
    }

    private Task generate(String type) {
        UUID id = UUID.randomUUID();
        return switch (type) {
            case "initial_prompt" -> new InitialPromptTask(id, content.hint());
            case "prompter_reply" -> new PrompterReplyTask(id, null, content.conversation(true));
            case "assistant_reply" -> new AssistantReplyTask(id, content.conversation(false));
            case "rank_initial_prompts" -> new RankInitialPromptsTask(id, content.promptsToRank());
            case "rank_prompter_replies" ->
                new RankPrompterRepliesTask(id, content.conversation(true), content.replies(false));
            case "rank_assistant_replies" ->
                new RankAssistantRepliesTask(id, content.conversation(false), content.replies(true));
            case "label_initial_prompt" -> {
                String prompt = content.promptToLabel();
                yield new LabelInitialPromptTask(
                        id, messageId(prompt), prompt, RequestValidation.TEXT_LABELS, null, null, null, null);
            }
            case "label_prompter_reply" -> {
                var conversation = content.conversation(false);
                String reply = conversation.lastMessage().text();
                yield new LabelPrompterReplyTask(
                        id, messageId(reply), reply, RequestValidation.TEXT_LABELS, null, null, null, conversation);
            }
            case "label_assistant_reply" -> {
                var conversation = content.conversation(true);
                String reply = conversation.lastMessage().text();
                yield new LabelAssistantReplyTask(
                        id, messageId(reply), reply, RequestValidation.TEXT_LABELS, null, null, null, conversation);
            }
            case "summarize_story" -> new SummarizeStoryTask(id, content.story());
            case "rate_summary" ->
                new RateSummaryTask(
                        id, content.story(), "A robot learns to bake and feeds a village.", RatingScale.DEFAULT);
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** A stable backend id for a message text. */
    private UUID messageId(String text) {
        return messageIds.computeIfAbsent(text, t -> UUID.randomUUID());
    }

    // ---- ack and nack -----------------------------------------------------------------------------

    private static @Nullable UUID taskIdOrError(String pathId, List<ObjectNode> errors) {
        UUID taskId = RequestValidation.uuid(pathId);
        if (taskId == null) {
            errors.add(Responses.error(List.of("path", "task_id"), "value is not a valid uuid", "type_error.uuid"));
        }
        return taskId;
    }

    private Reply ack(String pathId, String text, boolean authorized) {
        List<ObjectNode> errors = new ArrayList<>();
        UUID taskId = taskIdOrError(pathId, errors);
        RequestValidation.Body body = RequestValidation.parse(text);
        errors.addAll(body.json() == null ? body.errors() : RequestValidation.singleString(body.json(), "message_id"));
        if (!errors.isEmpty()) {
            return Responses.validation(errors);
        }
        if (!authorized) {
            return Responses.notAuthorized();
        }
        String messageId = RequestValidation.text(body.json().get("message_id"));
        if (messageId.isEmpty()) {
            return Responses.oasstError(400, 2000, "message_id must not be empty");
        }
        TaskRecord record = tasks.get(taskId);
        if (record == null) {
            return taskNotFound(taskId);
        }
        if (record.status != Status.NEW) {
            return Responses.oasstError(400, 2103, "Task already updated.");
        }
        record.status = Status.ACKED;
        record.frontendMessageId = messageId;
        byFrontendMessageId.put(messageId, record);
        return Responses.noContent();
    }

    private Reply nack(String pathId, String text, boolean authorized) {
        List<ObjectNode> errors = new ArrayList<>();
        UUID taskId = taskIdOrError(pathId, errors);
        RequestValidation.Body body = RequestValidation.parse(text);
        errors.addAll(body.json() == null ? body.errors() : RequestValidation.singleString(body.json(), "reason"));
        if (!errors.isEmpty()) {
            return Responses.validation(errors);
        }
        if (!authorized) {
            return Responses.notAuthorized();
        }
        TaskRecord record = tasks.get(taskId);
        if (record == null) {
            return taskNotFound(taskId);
        }
        if (record.status != Status.NEW) {
            return Responses.oasstError(400, 2103, "Task already updated.");
        }
        record.status = Status.NACKED;
        return Responses.noContent();
    }

    private static Reply taskNotFound(UUID taskId) {
        return Responses.oasstError(404, 2100, "Task for task_id=UUID('" + taskId + "') not found");
    }

    // ---- interaction ------------------------------------------------------------------------------

    private Reply interaction(String text, boolean authorized) {
        RequestValidation.Body body = RequestValidation.parse(text);
        if (body.json() == null) {
            return Responses.validation(body.errors());
        }
        List<String> member = new ArrayList<>(1);
        List<ObjectNode> errors = RequestValidation.interaction(body.json(), member);
        if (!errors.isEmpty()) {
            return Responses.validation(errors);
        }
        if (!authorized) {
            return Responses.notAuthorized();
        }
        JsonNode json = body.json();
        return switch (member.get(0)) {
            case "text_reply_to_message" -> textReply(json);
            case "message_rating" -> rating(json);
            case "message_ranking" -> ranking(json);
            default -> labels(json);
        };
    }

    private Reply textReply(JsonNode json) {
        String frontendId = RequestValidation.text(json.get("message_id"));
        TaskRecord record = byFrontendMessageId.get(frontendId);
        if (record == null) {
            return frontendTaskNotFound(400, frontendId);
        }
        if (!REPLY_TYPES.contains(record.task.type())) {
            return payloadMismatch(record, "text_reply_to_message");
        }
        if (record.status == Status.DONE) {
            return Responses.oasstError(400, 2105, "Task already done.");
        }
        content.submitted(
                record.task.type(), RequestValidation.text(json.get("text")).strip());
        return done(record);
    }

    private Reply rating(JsonNode json) {
        String frontendId = RequestValidation.text(json.get("message_id"));
        TaskRecord record = byFrontendMessageId.get(frontendId);
        if (record == null || !(record.task instanceof RateSummaryTask rate)) {
            return Responses.oasstError(404, 2001, "Message with frontend_message_id " + frontendId + " not found.");
        }
        if (record.status == Status.DONE) {
            return Responses.oasstError(400, 2105, "Task already done.");
        }
        int value = RequestValidation.integer(json.get("rating"));
        if (!rate.scale().contains(value)) {
            return Responses.oasstError(
                    400,
                    2002,
                    "Invalid rating value: " + value + " (allowed "
                            + rate.scale().min() + "-" + rate.scale().max() + ")");
        }
        return done(record);
    }

    private Reply ranking(JsonNode json) {
        String frontendId = RequestValidation.text(json.get("message_id"));
        TaskRecord record = byFrontendMessageId.get(frontendId);
        if (record == null) {
            return frontendTaskNotFound(400, frontendId);
        }
        if (!(record.task instanceof RankingTask ranking)) {
            return payloadMismatch(record, "message_ranking");
        }
        if (record.status == Status.DONE) {
            return Responses.oasstError(400, 2105, "Task already done.");
        }
        int items = ranking.itemsToRank().size();
        List<Integer> given = new ArrayList<>();
        json.get("ranking").forEach(index -> given.add(RequestValidation.integer(index)));
        boolean permutation = given.size() == items
                && given.stream().distinct().count() == items
                && given.stream().allMatch(i -> i >= 0 && i < items);
        if (!permutation) {
            String counted = ranking instanceof RankInitialPromptsTask ? "num_prompts" : "num_replies";
            return Responses.oasstError(
                    400,
                    2003,
                    "Invalid ranking submitted. Each reply index must appear exactly once (" + counted + "=" + items
                            + ").");
        }
        return done(record);
    }

    private Reply labels(JsonNode json) {
        UUID messageId = RequestValidation.uuid(json.get("message_id"));
        TaskRecord record = byLabelledMessageId.get(messageId);
        if (record == null || record.status == Status.NEW || record.status == Status.NACKED) {
            return Responses.oasstError(404, 2001, "Message with id " + messageId + " not found.");
        }
        if (record.status == Status.DONE) {
            return Responses.oasstError(400, 2105, "Task already done.");
        }
        return done(record);
    }

    private Reply done(TaskRecord record) {
        if (!record.collective) {
            record.status = Status.DONE;
        }
        return Responses.json(200, new TaskDone(UUID.randomUUID()));
    }

    private static Reply frontendTaskNotFound(int status, @Nullable String frontendId) {
        return Responses.oasstError(status, 2100, "Task for frontend_message_id='" + frontendId + "' not found");
    }

    private static Reply payloadMismatch(TaskRecord record, String interaction) {
        return Responses.oasstError(
                400, 2102, "Task payload type mismatch: " + record.task.type() + " task answered with " + interaction);
    }

    // ---- close --------------------------------------------------------------------------------------

    private Reply close(String text, boolean authorized) {
        RequestValidation.Body body = RequestValidation.parse(text);
        List<ObjectNode> errors =
                body.json() == null ? body.errors() : RequestValidation.singleString(body.json(), "message_id");
        if (!errors.isEmpty()) {
            return Responses.validation(errors);
        }
        if (!authorized) {
            return Responses.notAuthorized();
        }
        String frontendId = RequestValidation.text(body.json().get("message_id"));
        TaskRecord record = byFrontendMessageId.get(frontendId);
        if (record == null) {
            return frontendTaskNotFound(404, frontendId);
        }
        if (!record.collective) {
            return Responses.oasstError(400, 2106, "This is not a collective task");
        }
        if (record.status == Status.DONE) {
            return Responses.oasstError(400, 2105, "Allready closed");
        }
        record.status = Status.DONE;
        return Responses.json(200, new TaskDone(UUID.randomUUID()));
    }
}
