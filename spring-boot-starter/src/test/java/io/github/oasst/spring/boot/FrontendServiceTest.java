package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.ReceivedRequest;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The test of {@code docs/spring.md}: a service of the application against the fake backend, no setup code. */
// tag::starter-spring-test[]
@SpringBootTest(classes = StarterApplication.class)
@WithFakeOasstBackend
class FrontendServiceTest {
    @Autowired
    FakeOasstBackend backend; // started for this context, oasst.base-url and oasst.api-key set

    @Autowired
    FrontendService service;

    @Test
    void aFirstPromptIsFetchedAcknowledgedAndAnswered() {
        UUID task = service.firstPrompt(User.local("ada", "Ada"), "msg-1", "How do tides work?");

        List<ReceivedRequest> posts = backend.received().stream() // what the backend received, in order
                .filter(request -> request.method().equals("POST"))
                .toList();
        assertThat(posts)
                .extracting(ReceivedRequest::path)
                .containsExactly("/api/v1/tasks/", "/api/v1/tasks/" + task + "/ack", "/api/v1/tasks/interaction");
        assertThat(posts.get(2).body()).contains("\"user_message_id\":\"msg-1-answer\"");
    }
}
// end::starter-spring-test[]
