package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.Conversation;
import io.github.oasst.client.protocol.ConversationMessage;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.Labelling;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.MessageRating;
import io.github.oasst.client.protocol.RankInitialPromptsTask;
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.RatingScale;
import io.github.oasst.client.protocol.SummarizeStoryTask;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.UnknownTask;
import io.github.oasst.client.protocol.User;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The round's canned answers: one interaction per answerable task family, none for the rest. */
class SampleAnswerTest {
    private static final User USER = User.local("u1", "Dana");
    private static final String MESSAGE = "frontend-message-1";

    @Test
    void initialPromptIsAnsweredWithAPrompt() {
        assertThat(FrontendTasks.sampleAnswer(new InitialPromptTask(UUID.randomUUID(), null), USER, MESSAGE))
                .get()
                .asInstanceOf(type(TextReplyToMessage.class))
                .satisfies(reply -> {
                    assertThat(reply.messageId()).isEqualTo(MESSAGE);
                    assertThat(reply.text()).endsWith("?");
                });
    }

    @Test
    void assistantReplyIsAnsweredWithAReply() {
        Conversation conversation = new Conversation(List.of(new ConversationMessage("Why tides?", false)));

        assertThat(FrontendTasks.sampleAnswer(new AssistantReplyTask(UUID.randomUUID(), conversation), USER, MESSAGE))
                .get()
                .asInstanceOf(type(TextReplyToMessage.class))
                .satisfies(reply -> assertThat(reply.text()).doesNotEndWith("?"));
    }

    @Test
    void rankingKeepsTheOrderGiven() {
        RankInitialPromptsTask task = new RankInitialPromptsTask(UUID.randomUUID(), List.of("a", "b", "c"));

        assertThat(FrontendTasks.sampleAnswer(task, USER, MESSAGE))
                .get()
                .asInstanceOf(type(MessageRanking.class))
                .satisfies(ranking -> assertThat(ranking.ranking()).containsExactly(0, 1, 2));
    }

    @Test
    void labelTaskIsLabelledNotSpamPlusItsMandatoryLabels() {
        UUID labelled = UUID.randomUUID();
        LabelInitialPromptTask task = new LabelInitialPromptTask(
                UUID.randomUUID(),
                labelled,
                "a prompt",
                new Labelling(List.of("humor", "spam", "helpful"), List.of("helpful"), null, null),
                null);

        assertThat(FrontendTasks.sampleAnswer(task, USER, MESSAGE))
                .get()
                .asInstanceOf(type(TextLabels.class))
                .satisfies(labels -> {
                    assertThat(labels.messageId()).isEqualTo(labelled);
                    assertThat(labels.text()).isEqualTo("a prompt");
                    assertThat(labels.labels()).isEqualTo(Map.of("helpful", 0.0, "spam", 0.0));
                });
    }

    @Test
    void summaryIsRatedAtTheScalesLowest() {
        RateSummaryTask task = new RateSummaryTask(UUID.randomUUID(), "story", "summary", new RatingScale(2, 7));

        assertThat(FrontendTasks.sampleAnswer(task, USER, MESSAGE))
                .get()
                .asInstanceOf(type(MessageRating.class))
                .extracting(MessageRating::rating)
                .isEqualTo(2);
    }

    @Test
    void storyToSummarizeAndUnknownTaskTypesHaveNoAnswer() {
        assertThat(FrontendTasks.sampleAnswer(new SummarizeStoryTask(UUID.randomUUID(), "story"), USER, MESSAGE))
                .isEmpty();
        assertThat(FrontendTasks.sampleAnswer(
                        new UnknownTask("rank_everything", UUID.randomUUID(), Map.of()), USER, MESSAGE))
                .isEmpty();
    }
}
