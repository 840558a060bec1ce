package io.github.oasst.client.testkit;

import static io.github.oasst.client.protocol.TaskRequestType.ASSISTANT_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.INITIAL_PROMPT;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_ASSISTANT_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_INITIAL_PROMPT;
import static io.github.oasst.client.protocol.TaskRequestType.LABEL_PROMPTER_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.PROMPTER_REPLY;
import static io.github.oasst.client.protocol.TaskRequestType.RANK_ASSISTANT_REPLIES;
import static io.github.oasst.client.protocol.TaskRequestType.RANK_INITIAL_PROMPTS;
import static io.github.oasst.client.protocol.TaskRequestType.RANK_PROMPTER_REPLIES;
import static io.github.oasst.client.protocol.TaskRequestType.RATE_SUMMARY;
import static io.github.oasst.client.protocol.TaskRequestType.SUMMARIZE_STORY;

import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.Conversation;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.LabelAssistantReplyTask;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.LabelPrompterReplyTask;
import io.github.oasst.client.protocol.Labelling;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.RankInitialPromptsTask;
import io.github.oasst.client.protocol.RankPrompterRepliesTask;
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.RatingScale;
import io.github.oasst.client.protocol.RepliesToRank;
import io.github.oasst.client.protocol.ReplyToLabel;
import io.github.oasst.client.protocol.SummarizeStoryTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskRequestType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The tasks the fake backend hands out: the type a random request gets, and each task's content,
 * from a seeded generator. Not thread-safe; the backend's lock guards it.
 */
final class TaskGenerator {
    /** The types the 2023-01 backend serves: from an initial prompt to labelling one, in their order. */
    private static final List<TaskRequestType> SERVED =
            List.copyOf(EnumSet.range(INITIAL_PROMPT, LABEL_INITIAL_PROMPT));
    /** A random pick of the 2023-01 backend: a served type or one of the two it fails to generate. */
    private static final List<TaskRequestType> RANDOM_CANDIDATES =
            concat(SERVED, List.of(LABEL_PROMPTER_REPLY, LABEL_ASSISTANT_REPLY));
    /** A random pick when serving all task types. */
    private static final List<TaskRequestType> RANDOM_CANDIDATES_ALL =
            concat(RANDOM_CANDIDATES, List.of(SUMMARIZE_STORY, RATE_SUMMARY));

    private static final Labelling LABELLING = Labelling.of(RequestValidation.TEXT_LABELS);

    private final Random random;
    private final SeedContent content;
    private final Map<String, UUID> messageIds = new HashMap<>();

    TaskGenerator(long seed) {
        this.random = new Random(seed);
        this.content = new SeedContent(random);
    }

    SeedContent content() {
        return content;
    }

    /** The type a request for a random task gets. */
    TaskRequestType randomType(boolean serveAllTaskTypes) {
        List<TaskRequestType> candidates = serveAllTaskTypes ? RANDOM_CANDIDATES_ALL : RANDOM_CANDIDATES;
        return candidates.get(random.nextInt(candidates.size()));
    }

    Task generate(TaskRequestType type) {
        UUID id = UUID.randomUUID();
        return switch (type) {
            case INITIAL_PROMPT -> new InitialPromptTask(id, content.hint());
            case PROMPTER_REPLY -> new PrompterReplyTask(id, null, content.conversation(true));
            case ASSISTANT_REPLY -> new AssistantReplyTask(id, content.conversation(false));
            case RANK_INITIAL_PROMPTS -> new RankInitialPromptsTask(id, content.promptsToRank());
            case RANK_PROMPTER_REPLIES ->
                new RankPrompterRepliesTask(id, new RepliesToRank(content.conversation(true), content.replies(false)));
            case RANK_ASSISTANT_REPLIES ->
                new RankAssistantRepliesTask(id, new RepliesToRank(content.conversation(false), content.replies(true)));
            case LABEL_INITIAL_PROMPT -> {
                String prompt = content.promptToLabel();
                yield new LabelInitialPromptTask(id, messageId(prompt), prompt, LABELLING, null);
            }
            case LABEL_PROMPTER_REPLY -> new LabelPrompterReplyTask(id, replyToLabel(content.conversation(false)));
            case LABEL_ASSISTANT_REPLY -> new LabelAssistantReplyTask(id, replyToLabel(content.conversation(true)));
            case SUMMARIZE_STORY -> new SummarizeStoryTask(id, content.story());
            case RATE_SUMMARY ->
                new RateSummaryTask(
                        id, content.story(), "A robot learns to bake and feeds a village.", RatingScale.DEFAULT);
            case RANDOM -> throw new IllegalArgumentException("random is resolved to a type before generating");
        };
    }

    /** The conversation's last message to label, with every label valid. */
    private ReplyToLabel replyToLabel(Conversation conversation) {
        String reply = conversation.lastMessage().text();
        return new ReplyToLabel(messageId(reply), reply, LABELLING, conversation);
    }

    /** A stable backend id for a message text. */
    private UUID messageId(String text) {
        return messageIds.computeIfAbsent(text, t -> UUID.randomUUID());
    }

    private static List<TaskRequestType> concat(List<TaskRequestType> first, List<TaskRequestType> second) {
        List<TaskRequestType> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
