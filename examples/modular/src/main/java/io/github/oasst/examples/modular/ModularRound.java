package io.github.oasst.examples.modular;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstJson;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.FakeTask;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fetches and acknowledges a task from an embedded fake backend, blocking and asynchronously, and
 * reports on stdout what it saw, line by line: the modules the client's types are in, the packages
 * the client's module exports to all and those it keeps, the server version, the tasks and their fate. With
 * the argument {@code jackson3} the client uses Jackson 3 (its module must be in the graph: {@code
 * --add-modules tools.jackson.databind}).
 */
public final class ModularRound {
    private ModularRound() {}

    public static void main(String[] args) {
        boolean jackson3 = List.of(args).contains("jackson3");
        play(jackson3 ? OasstJson.jackson3() : OasstJson.jackson2(), System.out);
    }

    static void play(OasstJson json, PrintStream out) {
        Module client = OasstClient.class.getModule();
        out.println("client module: " + client.getName());
        out.println("api module: " + Task.class.getModule().getName());
        out.println("testkit module: " + FakeOasstBackend.class.getModule().getName());
        out.println("this module: " + ModularRound.class.getModule().getName());
        ModuleDescriptor descriptor = client.getDescriptor();
        Set<String> exported = new TreeSet<>();
        descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .forEach(export -> exported.add(export.source()));
        out.println("client exports: " + String.join(",", exported));
        for (String pkg : new TreeSet<>(client.getPackages())) {
            if (!exported.contains(pkg)) {
                out.println("client keeps: " + pkg + " exported to this module: "
                        + client.isExported(pkg, ModularRound.class.getModule()));
            }
        }
        out.println("json: " + json);

        User user = User.local("modular-1", "Modular");
        try (FakeOasstBackend backend = FakeOasstBackend.start();
                OasstClient oasst = OasstClient.builder()
                        .baseUrl(backend.baseUrl())
                        .apiKey(backend.apiKey())
                        .json(json)
                        .build()) {
            out.println("server version: " + oasst.serverVersion());

            Task task = oasst.tasksApi().requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, user));
            out.println("fetched: " + task.type());
            oasst.tasksApi().ackTask(task.id(), new TaskAck("modular-frontend-1"));

            Task other = oasst.tasksAsyncApi()
                    .requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, user))
                    .join();
            out.println("fetched asynchronously: " + other.type());
            oasst.tasksAsyncApi()
                    .ackTask(other.id(), new TaskAck("modular-frontend-2"))
                    .join();

            for (FakeTask held : backend.tasks()) {
                out.println("backend: " + held.type() + " " + held.status() + " " + held.frontendMessageId());
            }
        }
    }
}
