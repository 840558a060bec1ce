package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE;
import static io.github.oasst.client.api.OasstErrorCode.TASK_TOO_MANY_PENDING;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-05 tree manager's {@code next_task} and {@code determine_task_availability} on the
 * fake's store: the pending limit, the counts per type, the weighted draw of a random task, and the
 * payloads of each type. Label tasks name the candidate with the fewest reviews, oldest first (the
 * real backend draws one at random); reply and ranking tasks are drawn from the seeded generator.
 * Called under the backend's lock.
 */
final class MayTaskMaker {
    private static final int MAX_PENDING = 8;
    /** The types in {@code TaskRequestType} order, as availability lists them. */
    private static final List<String> TYPES = RequestValidation.REQUEST_TYPES;

    private final MayStore store;
    private final MayTreeRules rules;
    private final Random random;

    MayTaskMaker(MayStore store, MayTreeRules rules, long seed) {
        this.store = store;
        this.rules = rules;
        this.random = new Random(seed);
    }

    /** The candidates of every kind for a user in a language. */
    private record Candidates(
            int missingPrompts,
            List<MayMessage> parents,
            List<MayMessage> prompts,
            List<MayMessage> replies,
            List<MayMessage> rankings) {
        Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            TYPES.forEach(type -> counts.put(type, 0));
            counts.put("initial_prompt", Math.max(0, missingPrompts));
            counts.put("prompter_reply", (int)
                    parents.stream().filter(m -> m.assistant).count());
            counts.put("assistant_reply", (int)
                    parents.stream().filter(m -> !m.assistant).count());
            counts.put("rank_assistant_replies", rankings.size());
            counts.put("label_initial_prompt", prompts.size());
            counts.put("label_assistant_reply", (int)
                    replies.stream().filter(m -> m.assistant).count());
            counts.put("label_prompter_reply", (int)
                    replies.stream().filter(m -> !m.assistant).count());
            counts.put(
                    "random",
                    counts.values().stream().mapToInt(Integer::intValue).sum());
            return counts;
        }
    }

    private Candidates candidates(MayUser user, String lang, int maxActivate) {
        return new Candidates(
                rules.missingPrompts(lang, maxActivate),
                rules.extendibleParents(user, lang),
                rules.needReview(user, lang, true),
                rules.needReview(user, lang, false),
                rules.rankingParents(user, lang));
    }

    /** {@code POST /tasks/availability}: a count for every type, {@code random} their sum. */
    ObjectNode availability(MayUser user, String lang) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        candidates(user, lang, 1).counts().forEach(json::put);
        return json;
    }

    /** {@code POST /tasks/}: the next task of the type for the user, stored. */
    MayTask next(MayUser user, String type, String lang, boolean collective) {
        OffsetDateTime now = store.time.now();
        Candidates found = candidates(user, lang, 2);
        long pending = store.tasks().stream()
                .filter(t -> t.user == user && !t.done && !t.skipped && t.created.isAfter(now.minusMinutes(5)))
                .count();
        if (pending >= MAX_PENDING) {
            throw MayError.bad(TASK_TOO_MANY_PENDING, "User has too many pending tasks.");
        }
        if (!type.equals("random") && found.counts().get(type) == 0) {
            throw notAvailable("No tasks of type '" + type + "' are currently available.");
        }
        String kind = type.equals("random") ? draw(found, lang) : type;
        UUID id = UUID.randomUUID();
        ObjectNode payload = Responses.MAPPER.createObjectNode();
        MayMessage parent = null;
        switch (kind) {
            case "initial_prompt" ->
                payload.putNull("hint").put("id", id.toString()).put("type", kind);
            case "prompter_reply", "assistant_reply" -> {
                boolean assistant = kind.equals("prompter_reply");
                parent = pick(found.parents().stream()
                        .filter(m -> m.assistant == assistant)
                        .toList());
                if (parent != null) {
                    if (assistant) {
                        payload.putNull("hint");
                    }
                    payload.put("id", id.toString()).put("type", kind);
                    payload.set("conversation", MayShapes.conversation(conversation(parent), user));
                }
            }
            case "rank_assistant_replies" -> {
                parent = pick(found.rankings());
                if (parent != null) {
                    ranking(payload.put("id", id.toString()).put("type", kind), parent, user);
                }
            }
            default -> {
                boolean prompt = kind.equals("label_initial_prompt");
                List<MayMessage> pool = prompt
                        ? found.prompts()
                        : found.replies().stream()
                                .filter(m -> kind.equals("label_reply")
                                        || m.assistant == kind.equals("label_assistant_reply"))
                                .toList();
                parent = pool.isEmpty() ? null : pool.get(0);
                if (parent != null) {
                    label(payload, id, parent, user, type.equals("random"));
                }
            }
        }
        if (!kind.equals("initial_prompt") && parent == null) {
            throw notAvailable("No task of type '" + type + "' is currently available.");
        }
        return store.addTask(new MayTask(
                payload,
                user,
                collective,
                now,
                parent == null ? null : parent.id,
                parent == null ? null : parent.treeId));
    }

    private static MayError notAvailable(String message) {
        return MayError.of(503, TASK_REQUESTED_TYPE_NOT_AVAILABLE, message);
    }

    /** A random request's kind, drawn by the tree manager's weights. */
    private String draw(Candidates found, String lang) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("rank_assistant_replies", found.rankings().isEmpty() ? 0 : 10.0);
        weights.put("label_reply", found.replies().isEmpty() ? 0 : 5.0);
        weights.put("label_initial_prompt", found.prompts().isEmpty() ? 0 : 5.0);
        weights.put("reply", rules.missingReplies(lang) > 0 ? 2.0 : 0);
        weights.put("initial_prompt", found.missingPrompts() > 0 ? 0.01 : 0);
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum < 1e-8) {
            throw notAvailable("No tasks of type 'random' are currently available.");
        }
        double at = random.nextDouble() * sum;
        String kind = "initial_prompt";
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            if (weight.getValue() > 0 && (at -= weight.getValue()) < 0) {
                kind = weight.getKey();
                break;
            }
        }
        if (kind.equals("reply")) {
            MayMessage parent = pick(found.parents());
            return parent == null || parent.assistant ? "prompter_reply" : "assistant_reply";
        }
        return kind;
    }

    private @Nullable MayMessage pick(List<MayMessage> candidates) {
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** From the root to the message. */
    List<MayMessage> conversation(MayMessage message) {
        List<MayMessage> path = new ArrayList<>();
        for (MayMessage at = message; at != null; at = store.message(at.parentId)) {
            path.add(0, at);
        }
        return path;
    }

    private void ranking(ObjectNode payload, MayMessage parent, MayUser user) {
        payload.set("conversation", MayShapes.conversation(conversation(parent), user));
        List<MayMessage> replies = new ArrayList<>(rules.rankable(parent));
        Collections.shuffle(replies, random);
        ArrayNode texts = payload.putArray("replies");
        ArrayNode messages = payload.putArray("reply_messages");
        for (MayMessage reply : replies) {
            texts.add(reply.text);
            messages.add(MayShapes.conversationMessage(reply, user).putNull("synthetic"));
        }
        payload.put("message_tree_id", parent.treeId.toString());
        payload.put("ranking_parent_id", parent.id.toString());
        payload.put("reveal_synthetic", false);
    }

    private void label(ObjectNode payload, UUID id, MayMessage message, MayUser user, boolean randomRequest) {
        boolean prompt = message.parentId == null;
        String type =
                prompt ? "label_initial_prompt" : message.assistant ? "label_assistant_reply" : "label_prompter_reply";
        boolean simple = !prompt && !message.assistant && randomRequest && random.nextDouble() > 0.25;
        List<String> valid =
                simple ? MayLabelNames.SIMPLE : message.assistant ? MayLabelNames.ASSISTANT : MayLabelNames.PROMPT;
        payload.put("id", id.toString()).put("type", type).put("message_id", message.id.toString());
        ArrayNode labels = payload.putArray("valid_labels");
        valid.forEach(labels::add);
        payload.putArray("mandatory_labels").add("spam");
        payload.put("mode", simple ? "simple" : "full");
        payload.put("disposition", simple ? "spam" : "quality");
        payload.set("labels", MayLabelNames.descriptions(valid));
        payload.set("conversation", MayShapes.conversation(conversation(message), user));
        payload.put(prompt ? "prompt" : "reply", message.text);
    }
}
