package io.github.oasst.examples.quickstart;

import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.LabelTask;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.MessageRating;
import io.github.oasst.client.protocol.RankingTask;
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.ReplyTask;
import io.github.oasst.client.protocol.SummarizeStoryTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** What a simple frontend answers to each kind of task. */
final class Answers {
    private Answers() {}

    /**
     * The interaction answering the task, or empty when this frontend cannot answer it (a type newer
     * than the client). Texts end with {@code tag} (the user message id, say), so that no two are the
     * same: a 2023-05 server refuses a user's exact repeat within two hours.
     */
    static Optional<Interaction> answer(
            Task task, User user, String frontendMessageId, String userMessageId, String tag) {
        if (task instanceof ReplyTask reply) {
            return Optional.of(
                    TextReplyToMessage.of(user, frontendMessageId, userMessageId, replyText(reply) + " (" + tag + ")"));
        }
        if (task instanceof SummarizeStoryTask) {
            return Optional.of(TextReplyToMessage.of(
                    user,
                    frontendMessageId,
                    userMessageId,
                    "A small robot learns to bake and feeds its village (" + tag + ")."));
        }
        if (task instanceof RankingTask ranking) {
            return Optional.of(new MessageRanking(user, frontendMessageId, longestFirst(ranking.itemsToRank())));
        }
        if (task instanceof LabelTask label) {
            // with the task's id, which a 2023-05 server needs to count the labels as the task's answer
            return Optional.of(
                    new TextLabels(user, label.messageId(), label.textToLabel(), labels(label), label.id(), null));
        }
        if (task instanceof RateSummaryTask rate) {
            int middle = (rate.scale().min() + rate.scale().max() + 1) / 2;
            return Optional.of(new MessageRating(user, frontendMessageId, Math.max(1, middle)));
        }
        return Optional.empty();
    }

    /** A few words on what the answer was, for the output. */
    static String describe(Interaction interaction) {
        if (interaction instanceof TextReplyToMessage reply) {
            return "replied \"" + reply.text() + "\"";
        }
        if (interaction instanceof MessageRanking ranking) {
            return "ranked " + ranking.ranking() + " (longest first)";
        }
        if (interaction instanceof TextLabels labels) {
            return "labelled " + labels.labels();
        }
        if (interaction instanceof MessageRating rating) {
            return "rated " + rating.rating();
        }
        return interaction.type();
    }

    private static String replyText(ReplyTask task) {
        if (task instanceof InitialPromptTask) {
            return "What are good habits for learning a new language?";
        }
        if (task instanceof AssistantReplyTask) {
            return "Here is what I would suggest: start small, practise every day, and ask again if anything"
                    + " is unclear.";
        }
        return "Thanks! Could you give me an example?";
    }

    private static List<Integer> longestFirst(List<String> items) {
        return IntStream.range(0, items.size())
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> items.get(i).length())
                        .reversed())
                .toList();
    }

    /** The mandatory labels and a couple of the usual ones, as far as the task allows them. */
    private static Map<String, Double> labels(LabelTask task) {
        Map<String, Double> labels = new LinkedHashMap<>();
        for (String mandatory : task.mandatoryLabels()) {
            labels.put(mandatory, 0.0);
        }
        List<String> valid = task.validLabels();
        if (valid.contains(TextLabel.SPAM.wireName())) {
            labels.put(TextLabel.SPAM.wireName(), 0.0);
        }
        for (TextLabel helpful : List.of(TextLabel.HELPFUL, TextLabel.HELPFULNESS)) {
            if (valid.contains(helpful.wireName())) {
                labels.put(helpful.wireName(), 0.75);
            }
        }
        if (labels.isEmpty() && !valid.isEmpty()) {
            labels.put(valid.get(0), 0.5);
        }
        return labels;
    }
}
