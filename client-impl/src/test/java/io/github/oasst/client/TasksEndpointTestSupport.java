package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared setup of the tasks endpoint tests: a WireMock backend for each test class that serves the
 * recorded answers, a client of it without retries for each test, and the requests it saw.
 */
abstract class TasksEndpointTestSupport {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    OasstClient client;

    @BeforeEach
    void setUp() {
        client = TestSupport.clientOf(backend).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** Answers the fetch with the recorded exchange's status and body. */
    static void answerTasks(Exchange exchange) {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withStatus(exchange.status())
                        .withHeader("Content-Type", "application/json")
                        .withBody(exchange.responseText())));
    }

    /** The one request the backend has seen. */
    static LoggedRequest onlyRequest() {
        return TestSupport.onlyRequest(backend);
    }
}
