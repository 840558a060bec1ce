package io.github.oasst.client.testkit;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The replay of the 2023-01 backend's other operations once more, every request with an {@code
 * x-oasst-user} naming a user that no backend knows: the 2023-01 backend has no such header, and
 * the fake in its default mode gives the same answers and bodies as without it (the 2023-05 backend
 * would answer 404/4002 to the message reads and deletes).
 */
class RecordedOtherExchangesWithUserHeaderReplayTest extends RecordedOtherExchangesReplayTest {
    @BeforeEach
    void sendAnUnknownUser() {
        Replay.extraHeaders(Map.of("x-oasst-user", "discord:nobody-the-backend-knows"));
    }

    @AfterEach
    void stopSendingIt() {
        Replay.extraHeaders(Map.of());
    }
}
