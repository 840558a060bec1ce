package io.github.oasst.examples.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code POST /rounds} of the application run as a web application, and the client's failures as
 * problem details ({@link OasstProblemDetails}), against faults injected into the fake backend.
 */
@SpringBootTest(
        properties = {
            "spring.main.web-application-type=servlet",
            "oasst.round.enabled=false",
            "oasst.retry.initial-backoff=5ms",
            "oasst.retry.max-backoff=20ms",
            "oasst.retry.deadline=1s"
        })
@WithFakeOasstBackend
class RoundsEndpointTest {
    private static final String TASKS = "/api/v1/tasks/";

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    WebApplicationContext application;

    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(application).build();
    }

    @Test
    void aRoundIsPlayedAndAnswered() throws Exception {
        mvc.perform(post("/rounds").param("type", "prompter_reply").param("userId", "web-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ANSWERED"))
                .andExpect(jsonPath("$.taskType").value("prompter_reply"));
    }

    @Test
    void aBackendThatKeepsFailingIsABadGateway() throws Exception {
        backend.injectFault(
                3, TASKS, InjectedFault.status(503, "{\"message\":\"Service Unavailable\",\"error_code\":0}"));

        mvc.perform(post("/rounds").param("userId", "web-2"))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("The OASST backend refused the request"))
                .andExpect(jsonPath("$.detail").value("Service Unavailable"))
                .andExpect(jsonPath("$.mayHaveTakenEffect").value(false));
    }

    @Test
    void aRefusalOfTheRequestIsUnprocessableWithTheOasstCode() throws Exception {
        backend.injectFault(
                1, TASKS, InjectedFault.status(400, "{\"message\":\"Invalid request type\",\"error_code\":1000}"));

        mvc.perform(post("/rounds").param("userId", "web-3"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.oasstErrorCode").value("TASK_INVALID_REQUEST_TYPE"))
                .andExpect(jsonPath("$.detail").value("Invalid request type"));
    }

    @Test
    void aRateLimitIsServiceUnavailableWithTheBackendsRetryAfter() throws Exception {
        backend.injectFault(1, TASKS, InjectedFault.rateLimited(7)); // a 7 s wait would pass the 1 s deadline

        mvc.perform(post("/rounds").param("userId", "web-4"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"));
    }

    @Test
    void anUnreachableBackendIsServiceUnavailableWithTheKindOfFailure() throws Exception {
        backend.injectFault(3, TASKS, InjectedFault.connectionReset());

        mvc.perform(post("/rounds").param("userId", "web-5"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("The OASST backend could not be reached"))
                .andExpect(jsonPath("$.kind").value("CONNECTION_LOST"));
    }

    @Test
    void anUnknownTaskTypeIsABadRequestAndNothingIsSent() throws Exception {
        mvc.perform(post("/rounds").param("type", "no_such_type").param("userId", "web-6"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown task request type: no_such_type"));

        org.assertj.core.api.Assertions.assertThat(backend.received()).isEmpty();
    }
}
