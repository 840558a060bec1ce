package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import io.github.oasst.client.testkit.InjectedFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// tag::testkit[]
class MyFrontendTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create(); // reset before each test

    @Test
    void ackSurvivesALostAnswer() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build()) {
            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, User.local("u", "U"));
            String ack = "/api/v1/tasks/" + task.id() + "/ack";
            oasst.backend().injectFault(1, ack, InjectedFault.resetAfterProcessing());

            client.ackTask(task.id(), "fe-1"); // retried; the retry's 2103 proves the first one worked

            assertThat(oasst.backend().requestCount(ack)).isEqualTo(2);
        }
    }
}
// end::testkit[]
