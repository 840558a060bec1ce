package io.github.oasst.client.testkit;

import io.github.oasst.client.testkit.Responses.Reply;
import java.util.List;

/** What a {@link FakeOasstBackend} does with requests: the 2023-01 backend's or the 2023-05 backend's. */
interface Behaviour {
    /** Answers a request. {@code origin} is the scheme, host and port, for redirects. */
    Reply handle(Request request, String origin);

    /** Forgets everything, as a freshly started backend. */
    void reset();

    /** The tasks handed out so far, oldest first. */
    List<FakeTask> tasks();

    /** The messages stored so far, oldest first. */
    List<FakeMessage> messages();
}
