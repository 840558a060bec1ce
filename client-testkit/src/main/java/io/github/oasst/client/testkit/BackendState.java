package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.INVALID_FRONTEND_MESSAGE_ID;
import static io.github.oasst.client.api.OasstErrorCode.TASK_ALREADY_DONE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_ALREADY_UPDATED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_GENERATION_FAILED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_INVALID_REQUEST_TYPE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_COLLECTIVE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_FOUND;
import static io.github.oasst.client.protocol.TaskRequestType.ASSISTANT_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.INITIAL_PROMPT;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_ASSISTANT_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_INITIAL_PROMPT;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_PROMPTER_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.PROMPTER_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.RANDOM;
import static io.github.oasst.client.protocol.TaskRequestType.RANK_ASSISTANT_REPLIES;
import static io.github.oasst.client.protocol.TaskRequestType.RANK_INITIAL_PROMPTS;
import static io.github.oasst.client.protocol.TaskRequestType.RANK_PROMPTER_REPLIES;
import static io.github.oasst.client.protocol.TaskRequestType.RATE_SUMMARY;
import static io.github.oasst.client.protocol.TaskRequestType.SUMMARIZE_STORY;

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
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.RatingScale;
import io.github.oasst.client.protocol.SummarizeStoryTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fake backend's behaviour: routing, validation, the API-key check and the task lifecycle of
 * the 2023-01 backend, with its error codes, statuses and messages. Thread-safe: one lock guards
 * the state.
 */
final class BackendState {
    private static final String TASKS = "/api/v1/tasks/";
    /** The types the 2023-01 backend serves. */
    private static final List<TaskRequestType> SERVED = List.of(
            INITIAL_PROMPT,
            PROMPTER_REPLY,
            ASSISTANT_REPLY,
            RANK_INITIAL_PROMPTS,
            RANK_PROMPTER_REPLIES,
            RANK_ASSISTANT_REPLIES,
            LABEL_INITIAL_PROMPT);
    /** A random pick of the 2023-01 backend: a served type or one of the two it fails to generate. */
    private static final List<TaskRequestType> RANDOM_CANDIDATES =
            concat(SERVED, List.of(LABEL_PROMPTER_REPLY, LABEL_ASSISTANT_REPLY));
    /** A random pick when serving all task types. */
    private static final List<TaskRequestType> RANDOM_CANDIDATES_ALL =
            concat(RANDOM_CANDIDATES, List.of(SUMMARIZE_STORY, RATE_SUMMARY));

    private final Object lock = new Object();
    private final String apiKey;
    private final boolean serveAllTaskTypes;
    private final long seed;
    private Random random;
    private SeedContent content;
    private final Map<UUID, TaskRecord> tasks = new LinkedHashMap<>();
    private final Map<String, TaskRecord> byFrontendMessageId = new HashMap<>();
    private final Map<UUID, TaskRecord> byLabelledMessageId = new HashMap<>();
    private final Map<String, UUID> messageIds = new HashMap<>();
    private final Interactions interactions = new Interactions(byFrontendMessageId, byLabelledMessageId);

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
                return interactions.handle(body, authorized, content);
            }
            if (rest.equals("close")) {
                return close(body, authorized);
            }
            return update(
                    parts[0],
                    body,
                    authorized,
                    parts[1].equals("ack") ? FakeTask.Status.ACKED : FakeTask.Status.NACKED);
        }
    }

    private static List<TaskRequestType> concat(List<TaskRequestType> first, List<TaskRequestType> second) {
        List<TaskRequestType> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
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
        TaskRequestType type = typeNode == null ? RANDOM : TaskRequestType.fromWireName(typeNode.textValue());
        JsonNode collectiveNode = body.json().get("collective");
        boolean collective = collectiveNode != null && Boolean.TRUE.equals(RequestValidation.bool(collectiveNode));
        if (type == RANDOM) {
            List<TaskRequestType> candidates = serveAllTaskTypes ? RANDOM_CANDIDATES_ALL : RANDOM_CANDIDATES;
            type = candidates.get(random.nextInt(candidates.size()));
        }
        if (!serveAllTaskTypes) {
            if (type == SUMMARIZE_STORY || type == RATE_SUMMARY) {
                return Responses.oasstError(400, TASK_INVALID_REQUEST_TYPE, "Invalid request type");
            }
            if (type == LABEL_PROMPTER_REPLY || type == LABEL_ASSISTANT_REPLY) {
                return Responses.oasstError(400, TASK_GENERATION_FAILED, "Failed to generate task.");
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

    private Task generate(TaskRequestType type) {
        UUID id = UUID.randomUUID();
        return switch (type) {
            case INITIAL_PROMPT -> new InitialPromptTask(id, content.hint());
            case PROMPTER_REPLY -> new PrompterReplyTask(id, null, content.conversation(true));
            case ASSISTANT_REPLY -> new AssistantReplyTask(id, content.conversation(false));
            case RANK_INITIAL_PROMPTS -> new RankInitialPromptsTask(id, content.promptsToRank());
            case RANK_PROMPTER_REPLIES ->
                new RankPrompterRepliesTask(id, content.conversation(true), content.replies(false));
            case RANK_ASSISTANT_REPLIES ->
                new RankAssistantRepliesTask(id, content.conversation(false), content.replies(true));
            case LABEL_INITIAL_PROMPT -> {
                String prompt = content.promptToLabel();
                yield new LabelInitialPromptTask(
                        id, messageId(prompt), prompt, RequestValidation.TEXT_LABELS, null, null, null, null);
            }
            case LABEL_PROMPTER_REPLY -> {
                var conversation = content.conversation(false);
                String reply = conversation.lastMessage().text();
                yield new LabelPrompterReplyTask(
                        id, messageId(reply), reply, RequestValidation.TEXT_LABELS, null, null, null, conversation);
            }
            case LABEL_ASSISTANT_REPLY -> {
                var conversation = content.conversation(true);
                String reply = conversation.lastMessage().text();
                yield new LabelAssistantReplyTask(
                        id, messageId(reply), reply, RequestValidation.TEXT_LABELS, null, null, null, conversation);
            }
            case SUMMARIZE_STORY -> new SummarizeStoryTask(id, content.story());
            case RATE_SUMMARY ->
                new RateSummaryTask(
                        id, content.story(), "A robot learns to bake and feeds a village.", RatingScale.DEFAULT);
            case RANDOM -> throw new IllegalArgumentException("random is resolved to a type before generating");
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

    /**
     * Ack ({@code next} ACKED, body {@code message_id}) or nack ({@code next} NACKED, body {@code
     * reason}) of a task that is still new.
     */
    private Reply update(String pathId, String text, boolean authorized, FakeTask.Status next) {
        boolean ack = next == FakeTask.Status.ACKED;
        String field = ack ? "message_id" : "reason";
        List<ObjectNode> errors = new ArrayList<>();
        UUID taskId = taskIdOrError(pathId, errors);
        RequestValidation.Body body = RequestValidation.parse(text);
        errors.addAll(body.json() == null ? body.errors() : RequestValidation.singleString(body.json(), field));
        if (!errors.isEmpty()) {
            return Responses.validation(errors);
        }
        if (!authorized) {
            return Responses.notAuthorized();
        }
        String value = RequestValidation.text(body.json().get(field));
        if (ack && value.isEmpty()) {
            return Responses.oasstError(400, INVALID_FRONTEND_MESSAGE_ID, "message_id must not be empty");
        }
        TaskRecord record = tasks.get(taskId);
        if (record == null) {
            return taskNotFound(taskId);
        }
        if (record.status != FakeTask.Status.NEW) {
            return Responses.oasstError(400, TASK_ALREADY_UPDATED, "Task already updated.");
        }
        record.status = next;
        if (ack) {
            record.frontendMessageId = value;
            byFrontendMessageId.put(value, record);
        }
        return Responses.noContent();
    }

    private static Reply taskNotFound(UUID taskId) {
        return Responses.oasstError(404, TASK_NOT_FOUND, "Task for task_id=UUID('" + taskId + "') not found");
    }

    /** The tasks handed out so far, oldest first. */
    List<FakeTask> tasks() {
        synchronized (lock) {
            List<FakeTask> snapshot = new ArrayList<>(tasks.size());
            for (TaskRecord record : tasks.values()) {
                snapshot.add(record.snapshot());
            }
            return snapshot;
        }
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
            return Interactions.frontendTaskNotFound(404, frontendId);
        }
        if (!record.collective) {
            return Responses.oasstError(400, TASK_NOT_COLLECTIVE, "This is not a collective task");
        }
        if (record.status == FakeTask.Status.DONE) {
            return Responses.oasstError(400, TASK_ALREADY_DONE, "Allready closed");
        }
        record.status = FakeTask.Status.DONE;
        return Responses.json(200, new TaskDone(UUID.randomUUID()));
    }
}
