package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * A task the backend hands out, or {@link TaskDone} when there is nothing (more) to do.
 *
 * <p>The hierarchy is sealed and mirrors the server's {@code AnyTask} union: one record per task
 * type, grouped by how a frontend answers them ({@link ReplyTask} with a text reply, {@link
 * RankingTask} with a ranking, {@link LabelTask} with labels, {@link RateSummaryTask} with a
 * rating). A type this version does not know decodes to {@link UnknownTask}, which keeps the type,
 * the id and every other field.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true,
        defaultImpl = UnknownTask.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = TaskDone.class, name = TaskDone.TYPE),
    @JsonSubTypes.Type(value = SummarizeStoryTask.class, name = SummarizeStoryTask.TYPE),
    @JsonSubTypes.Type(value = RateSummaryTask.class, name = RateSummaryTask.TYPE),
    @JsonSubTypes.Type(value = InitialPromptTask.class, name = InitialPromptTask.TYPE),
    @JsonSubTypes.Type(value = ReplyToConversationTask.class, name = ReplyToConversationTask.TYPE),
    @JsonSubTypes.Type(value = PrompterReplyTask.class, name = PrompterReplyTask.TYPE),
    @JsonSubTypes.Type(value = AssistantReplyTask.class, name = AssistantReplyTask.TYPE),
    @JsonSubTypes.Type(value = RankInitialPromptsTask.class, name = RankInitialPromptsTask.TYPE),
    @JsonSubTypes.Type(value = RankConversationRepliesTask.class, name = RankConversationRepliesTask.TYPE),
    @JsonSubTypes.Type(value = RankPrompterRepliesTask.class, name = RankPrompterRepliesTask.TYPE),
    @JsonSubTypes.Type(value = RankAssistantRepliesTask.class, name = RankAssistantRepliesTask.TYPE),
    @JsonSubTypes.Type(value = LabelInitialPromptTask.class, name = LabelInitialPromptTask.TYPE),
    @JsonSubTypes.Type(value = LabelConversationReplyTask.class, name = LabelConversationReplyTask.TYPE),
    @JsonSubTypes.Type(value = LabelPrompterReplyTask.class, name = LabelPrompterReplyTask.TYPE),
    @JsonSubTypes.Type(value = LabelAssistantReplyTask.class, name = LabelAssistantReplyTask.TYPE)
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface Task
        permits TaskDone, SummarizeStoryTask, RateSummaryTask, ReplyTask, RankingTask, LabelTask, UnknownTask {

    /** The task's id, used to acknowledge it. */
    @JsonProperty("id")
    UUID id();

    /** The task type's name on the wire, for example {@code "initial_prompt"}. */
    @JsonProperty("type")
    String type();
}
