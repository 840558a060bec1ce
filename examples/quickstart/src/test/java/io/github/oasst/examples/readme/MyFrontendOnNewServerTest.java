package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import io.github.oasst.client.testkit.ReceivedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// tag::testkit-2023-05[]
class MyFrontendOnNewServerTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst =
            FakeOasstBackendExtension.withBackend(backend -> backend.serverVersion(OasstServerVersion.V2023_05));

    @Test
    void aNackNamesTheTasksOwner() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build()) {
            OasstClient ada = client.forUser(User.discord("ada", "Ada")); // x-oasst-user: discord:ada
            InitialPromptTask task = ada.fetchTask(TaskKind.INITIAL_PROMPT);

            ada.nackTask(task.id(), "not shown");

            List<ReceivedRequest> nacks = oasst.backend().received().stream()
                    .filter(request -> request.path().endsWith("/nack"))
                    .toList();
            assertThat(nacks)
                    .singleElement()
                    .satisfies(nack -> assertThat(nack.header("x-oasst-user")).isEqualTo("discord:ada"));
        }
    }
}
// end::testkit-2023-05[]
