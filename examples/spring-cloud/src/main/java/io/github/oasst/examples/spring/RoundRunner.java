package io.github.oasst.examples.spring;

import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Plays one round when the application starts ({@code oasst.round.enabled}, default true), for the
 * user {@code oasst.round.user-id} with a task of type {@code oasst.round.task-type} (default {@code
 * random}). A failure ends the application with exit code 1.
 */
@Component
@ConditionalOnProperty(name = "oasst.round.enabled", havingValue = "true", matchIfMissing = true)
class RoundRunner implements CommandLineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RoundRunner.class);

    private final FrontendTasks tasks;
    private final TaskRequestType taskType;
    private final User user;

    RoundRunner(
            FrontendTasks tasks,
            @Value("${oasst.round.task-type:random}") String taskType,
            @Value("${oasst.round.user-id:spring-example-user}") String userId,
            @Value("${oasst.round.user-name:Spring example}") String userName) {
        this.tasks = tasks;
        this.taskType = TaskRequestType.fromWireName(taskType);
        this.user = User.local(userId, userName);
    }

    @Override
    public void run(String... args) {
        LOG.info("Playing one round for user {} with a {} task", user.id(), taskType);
        Round round = tasks.playRound(taskType, user);
        LOG.info("Round done: {}", round);
    }
}
