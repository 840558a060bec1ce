package io.github.oasst.examples.spring;

import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.User;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /rounds?type=random&userId=…&userName=…} plays one round for the user and answers
 * what it did; the client's failures become problem details ({@link OasstProblemDetails}). Served
 * when the application runs as a web application ({@code --spring.main.web-application-type=servlet}).
 */
@RestController
class RoundsController {
    private final FrontendTasks tasks;

    RoundsController(FrontendTasks tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/rounds")
    Round play(
            @RequestParam(name = "type", defaultValue = "random") String type,
            @RequestParam(name = "userId") String userId,
            @RequestParam(name = "userName", defaultValue = "Web user") String userName) {
        return tasks.playRound(TaskRequestType.fromWireName(type), User.local(userId, userName));
    }
}
