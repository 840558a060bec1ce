package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A service of the test application, as the README shows it: the auto-configured client injected. */
// tag::spring-boot-service[]
@Service
class FrontendService {
    private final OasstClient oasst;

    FrontendService(OasstClient oasst) {
        this.oasst = oasst;
    }

    /** Asks the user for a first prompt: fetches the task, shows it as a message, posts the answer. */
    UUID firstPrompt(User user, String messageId, String prompt) {
        InitialPromptTask task = oasst.fetchTask(TaskKind.INITIAL_PROMPT, user); // retried, timed, traced
        oasst.ackTask(task.id(), messageId);
        oasst.postInteraction(TextReplyToMessage.of(user, messageId, messageId + "-answer", prompt));
        return task.id();
    }
}
// end::spring-boot-service[]
