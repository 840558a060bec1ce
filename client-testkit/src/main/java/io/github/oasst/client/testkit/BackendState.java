package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.INVALID_FRONTEND_MESSAGE_ID;
import static io.github.oasst.client.api.OasstErrorCode.TASK_ALREADY_DONE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_ALREADY_UPDATED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_GENERATION_FAILED;
import static io.github.oasst.client.api.OasstErrorCode.TASK_INVALID_REQUEST_TYPE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_COLLECTIVE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_NOT_FOUND;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_ASSISTANT_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_PROMPTER_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.RANDOM;
import static io.github.oasst.client.protocol.TaskRequestType.RATE_SUMMARY;
import static io.github.oasst.client.protocol.TaskRequestType.SUMMARIZE_STORY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.Conversation;
import io.github.oasst.client.protocol.ConversationMessage;
import io.github.oasst.client.protocol.LabelTask;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fake backend's behaviour: routing, validation, the API-key check and the task lifecycle of
 * the 2023-01 backend, with its error codes, statuses and messages. Thread-safe: one lock guards
 * the state.
 */
final class BackendState implements Behaviour {
    private static final String TASKS = "/api/v1/tasks/";
    /** The paths FastAPI redirects to the same path with a slash. */
    private static final Set<String> COLLECTIONS =
            Set.of("/api/v1/tasks", "/api/v1/messages", "/api/v1/stats", "/api/v1/text_labels");

    private final Object lock = new Object();
    private final ApiClients clients;
    private final boolean serveAllTaskTypes;
    private final long seed;
    private TaskGenerator tasksMade;
    private final Map<UUID, TaskRecord> tasks = new LinkedHashMap<>();
    private final Map<String, TaskRecord> byFrontendMessageId = new HashMap<>();
    private final Map<UUID, TaskRecord> byLabelledMessageId = new HashMap<>();
    private final MessageStore messages = new MessageStore();
    private final Interactions interactions = new Interactions(byFrontendMessageId, byLabelledMessageId, messages);
    private final DataRoutes data = new DataRoutes(messages);

    BackendState(ApiClients clients, boolean serveAllTaskTypes, long seed) {
        this.clients = clients;
        this.serveAllTaskTypes = serveAllTaskTypes;
        this.seed = seed;
        this.tasksMade = new TaskGenerator(seed);
    }

    /** Forgets every task, as a freshly started backend. */
    @Override
    public void reset() {
        synchronized (lock) {
            tasks.clear();
            byFrontendMessageId.clear();
            byLabelledMessageId.clear();
            messages.clear();
            tasksMade = new TaskGenerator(seed);
        }
    }

    @Override
    public Reply handle(Request request, String origin) {
        // the 2023-01 backend has no x-oasst-user: it reads the key, the path, the query and the body
        return handle(
                request.method(), request.path(), request.query(), request.header("X-API-Key"), request.body(), origin);
    }

    /** Answers a request. {@code origin} is the scheme, host and port, for redirects. */
    Reply handle(String method, String path, @Nullable String query, @Nullable String key, String body, String origin) {
        if (COLLECTIONS.contains(path)) {
            // FastAPI's redirect_slashes
            return new Reply(307, "", Map.of("Location", origin + path + "/" + (query == null ? "" : "?" + query)));
        }
        // the api_key query parameter wins over the header
        QueryParameters params = new QueryParameters(query);
        String fromQuery = params.text("api_key");
        String apiKeyGiven = fromQuery != null ? fromQuery : key;
        if (!path.startsWith(TASKS)) {
            synchronized (lock) {
                return data.handle(method, path, params, clients.authenticate(apiKeyGiven) != null, body)
                        .orElseGet(() -> Responses.detail(404, "Not Found"));
            }
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
        boolean authorized = clients.authenticate(apiKeyGiven) != null;
        synchronized (lock) {
            if (rest.isEmpty()) {
                return requestTask(body, authorized);
            }
            if (rest.equals("interaction")) {
                return interactions.handle(body, authorized, tasksMade.content());
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
        boolean collective = collectiveNode != null && Boolean.TRUE.equals(Coercions.bool(collectiveNode));
        if (type == RANDOM) {
            type = tasksMade.randomType(serveAllTaskTypes);
        }
        if (!serveAllTaskTypes) {
            if (type == SUMMARIZE_STORY || type == RATE_SUMMARY) {
                return Responses.oasstError(400, TASK_INVALID_REQUEST_TYPE, "Invalid request type");
            }
            if (type == LABEL_PROMPTER_REPLY || type == LABEL_ASSISTANT_REPLY) {
                return Responses.oasstError(400, TASK_GENERATION_FAILED, "Failed to generate task.");
            }
        }
        Task task = tasksMade.generate(type);
        TaskRecord record = new TaskRecord(task, collective);
        if (task instanceof PrompterReplyTask reply) {
            record.parentMessageId =
                    messages.seedConversation(reply.conversation().messages());
        } else if (task instanceof AssistantReplyTask reply) {
            record.parentMessageId =
                    messages.seedConversation(reply.conversation().messages());
        }
        tasks.put(task.id(), record);
        if (task instanceof LabelTask label) {
            byLabelledMessageId.put(label.messageId(), record);
            Conversation conversation = label.conversation();
            List<ConversationMessage> before = conversation == null ? List.of() : conversation.messages();
            boolean assistant =
                    !before.isEmpty() && before.get(before.size() - 1).isAssistant();
            messages.seedLabelled(
                    label.messageId(),
                    label.textToLabel(),
                    assistant,
                    before.isEmpty() ? before : before.subList(0, before.size() - 1));
        }
        return Responses.json(200, task);
    }

    // ---- ack and nack -----------------------------------------------------------------------------

    private static @Nullable UUID taskIdOrError(String pathId, List<ObjectNode> errors) {
        UUID taskId = Coercions.uuid(pathId);
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
        String value = Coercions.text(body.json().get(field));
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

    /** The messages stored so far, oldest first. */
    @Override
    public List<FakeMessage> messages() {
        synchronized (lock) {
            return messages.snapshot();
        }
    }

    /** Runs {@code action} on the message store under the lock (to set up recorded state). */
    void withMessages(java.util.function.Consumer<MessageStore> action) {
        synchronized (lock) {
            action.accept(messages);
        }
    }

    /** The tasks handed out so far, oldest first. */
    @Override
    public List<FakeTask> tasks() {
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
        String frontendId = Coercions.text(body.json().get("message_id"));
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
