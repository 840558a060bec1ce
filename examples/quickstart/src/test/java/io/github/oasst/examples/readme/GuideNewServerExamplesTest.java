package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import io.github.oasst.client.testkit.FakeTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The guide's Java code for a 2023-05 server (compatibility.md), run against the fake backend's 2023-05 mode. */
class GuideNewServerExamplesTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst =
            FakeOasstBackendExtension.withBackend(backend -> backend.serverVersion(OasstServerVersion.V2023_05));

    @Test
    void aViewForAUserFetchesAndRejectsItsTasks() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build()) {
            // tag::for-user[]
            OasstClient alice = client.forUser(User.discord("1234", "Alice")); // x-oasst-user: discord:1234
            InitialPromptTask task = alice.fetchTask(TaskKind.INITIAL_PROMPT); // for Alice
            alice.nackTask(task.id(), "the user closed the dialog"); // a 2023-05 server needs the owner to reject
            // end::for-user[]

            assertThat(oasst.backend().tasks())
                    .filteredOn(fake -> fake.id().equals(task.id()))
                    .extracting(FakeTask::status)
                    .containsExactly(FakeTask.Status.NACKED);
            assertThat(client.serverVersion()).isEqualTo(OasstServerVersion.V2023_05);
        }
    }

    @Test
    void withoutTheViewTheServerRefusesTheNack() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build()) {
            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, User.discord("1234", "Alice"));

            assertThatThrownBy(() -> client.nackTask(task.id(), "the user closed the dialog"))
                    .isInstanceOfSatisfying(
                            OasstError.class,
                            error -> assertThat(error.hasErrorCode(OasstErrorCode.USER_NOT_SPECIFIED))
                                    .isTrue());
        }
    }
}
