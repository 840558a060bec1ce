package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A {@code @SpringBootTest} with {@link WithFakeOasstBackend} and no code of its own for the backend:
 * the auto-configured client talks to it, and each test starts with an empty journal and no faults.
 */
@SpringBootTest(classes = StarterApplication.class, properties = "oasst.retry.enabled=false")
@WithFakeOasstBackend(serverVersion = OasstServerVersion.V2023_05)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeBackendInSpringTestsTest {
    private static final User USER = User.discord("spring-test-user", "Spring test");

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    OasstClient client;

    @Test
    @Order(1)
    void theClientIsConfiguredForTheBackend() {
        assertThat(client.baseUrl()).isEqualTo(backend.baseUrl());
        assertThat(backend.serverVersion()).isEqualTo(OasstServerVersion.V2023_05);

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        backend.injectFault(5, InjectedFault.status(503));

        assertThat(backend.received()).hasSize(1).first().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/v1/tasks/");
            assertThat(request.header("X-API-Key")).isEqualTo(FakeOasstBackend.DEFAULT_API_KEY);
        });
    }

    @Test
    @Order(2)
    void eachTestStartsWithAnEmptyJournalAndNoFaults() {
        assertThat(backend.received()).isEmpty();

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER); // one attempt: a fault left over would fail it

        assertThat(backend.received()).hasSize(1);
    }
}
