package io.github.oasst.client.testkit.isolated;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstJson;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A frontend on Jackson 3 alone, loaded by {@code Jackson3OnlyTest} in a class loader without
 * Jackson 2's databind: fetches, acknowledges and answers a task, and meets an error. Takes the
 * backend's URL and key; returns what happened, a line per step.
 */
public final class Jackson3Frontend implements Function<String[], List<String>> {
    @Override
    public List<String> apply(String[] backend) {
        List<String> steps = new ArrayList<>();
        steps.add("jackson 2 databind visible: " + visible("com.fasterxml.jackson.databind.ObjectMapper"));
        User user = User.local("j3", "Jackson Three");
        try (OasstClient client = OasstClient.builder()
                .baseUrl(backend[0])
                .apiKey(backend[1])
                .json(OasstJson.jackson3())
                .build()) {
            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user);
            steps.add("fetched " + task.type() + " with hint " + !task.hint().isBlank());
            client.ackTask(task.id(), "j3-1");
            client.postInteraction(TextReplyToMessage.of(user, "j3-1", "j3-2", "How do tides work?"));
            steps.add("answered");
            try {
                client.postInteraction(TextReplyToMessage.of(user, "j3-1", "j3-3", "Again"));
            } catch (OasstError error) {
                steps.add(error.getMessage());
            }
        }
        steps.add("jackson 2 databind loaded: " + visible("com.fasterxml.jackson.databind.ObjectMapper"));
        return steps;
    }

    private static boolean visible(String name) {
        try {
            Class.forName(name, false, Jackson3Frontend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
