package io.github.oasst.contract;

import io.github.oasst.client.FetchOptions;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.MessageRating;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** Valid inputs for every operation, as a frontend would send them. */
final class Fixtures {
    static final User DISCORD_USER = User.discord("314159265358979", "Ada");
    static final User LOCAL_USER = User.local("local-user-7", "Grace");
    static final UUID TASK_ID = UUID.fromString("4f0d6c1e-6a53-4b0a-9c55-2b7e1f6a1d2c");
    static final UUID MESSAGE_ID = UUID.fromString("b1946ac9-2492-4b7d-8d6f-1c2e3f4a5b6c");
    static final String FRONTEND_MESSAGE_ID = "frontend-message-1";

    /**
     * The interaction types on the wire, one per {@link Interaction} record, and the schema
     * component of each.
     */
    static final Map<String, String> INTERACTION_COMPONENTS = Map.of(
            TextReplyToMessage.TYPE, "TextReplyToMessage",
            MessageRating.TYPE, "MessageRating",
            MessageRanking.TYPE, "MessageRanking",
            TextLabels.TYPE, "TextLabels");

    private Fixtures() {}

    /** One interaction of each of the four types, built with defaults (no newer fields). */
    static List<Interaction> interactions(User user) {
        Map<TextLabel, Double> labels = new LinkedHashMap<>();
        labels.put(TextLabel.SPAM, 0.0);
        labels.put(TextLabel.HELPFUL, 0.75);
        return List.of(
                TextReplyToMessage.of(user, FRONTEND_MESSAGE_ID, "user-message-1", "What is the tallest mountain?"),
                new MessageRating(user, FRONTEND_MESSAGE_ID, 4),
                new MessageRanking(user, FRONTEND_MESSAGE_ID, List.of(2, 0, 1)),
                TextLabels.of(user, MESSAGE_ID, "What is the tallest mountain?", labels));
    }

    /** A fetch of a task kind with a user (or none) and options. */
    record Fetch(TaskKind<?> kind, @Nullable User user, FetchOptions options) {
        @Override
        public String toString() {
            return kind + " for " + (user == null ? "no user" : user.authMethod() + " user") + " " + options;
        }
    }

    /**
     * Every task kind fetched in four ways: with a user, without one, collective, and with a
     * language.
     */
    static List<Fetch> everyFetch() {
        return TaskKind.values().stream()
                .flatMap(kind -> List.of(
                        new Fetch(kind, DISCORD_USER, FetchOptions.DEFAULT),
                        new Fetch(kind, null, FetchOptions.DEFAULT),
                        new Fetch(kind, LOCAL_USER, FetchOptions.DEFAULT.withCollective(true)),
                        new Fetch(kind, DISCORD_USER, FetchOptions.DEFAULT.withLang("en")))
                        .stream())
                .toList();
    }

    /**
     * Fetches through the facade and returns the server's answer whatever its type: Prism answers
     * any member of the task union, which the facade reports as {@link
     * OasstUnexpectedTaskException} when it is not the kind asked for.
     */
    static Task fetchAnyAnswer(OasstClient client, Fetch fetch) {
        try {
            return client.fetchTask(fetch.kind(), fetch.user(), fetch.options());
        } catch (OasstUnexpectedTaskException e) {
            return e.actual();
        }
    }

    /** {@link #fetchAnyAnswer} through the facade's asynchronous fetch. */
    static Task fetchAnyAnswerAsync(OasstClient client, Fetch fetch) {
        return client.fetchTaskAsync(fetch.kind(), fetch.user(), fetch.options())
                .handle((task, failure) -> task != null ? task : unexpectedAnswer(failure))
                .join();
    }

    private static Task unexpectedAnswer(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof OasstUnexpectedTaskException unexpected) {
            return unexpected.actual();
        }
        throw new AssertionError("fetch failed", cause);
    }
}
