package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.spring.boot.OasstConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as its main method runs it: configured from {@code OASST_BACKEND_URL} and {@code
 * OASST_API_KEY} (given here as command-line properties, which the same placeholders resolve), one
 * round, exit code 0; and refusing to start without a usable configuration, never printing the key.
 */
@ExtendWith(OutputCaptureExtension.class)
class OasstSpringCloudExampleTest {
    private static final FakeOasstBackend BACKEND = FakeOasstBackend.start();

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @BeforeEach
    void resetBackend() {
        BACKEND.reset();
    }

    private static ConfigurableApplicationContext run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.main.register-shutdown-hook=false");
        return SpringApplication.run(OasstSpringCloudExample.class, all.toArray(String[]::new));
    }

    @Test
    void playsOneRoundFromTheEnvironmentsSettingsAndExitsWithZero(CapturedOutput output) {
        ConfigurableApplicationContext context = run(
                "--OASST_BACKEND_URL=" + BACKEND.baseUrl(),
                "--OASST_API_KEY=" + BACKEND.apiKey(),
                "--oasst.round.task-type=prompter_reply");

        assertThat(SpringApplication.exit(context)).isZero();
        assertThat(BACKEND.requestCount("/api/v1/tasks/")).isEqualTo(1);
        assertThat(BACKEND.requestCount("/api/v1/tasks/interaction")).isEqualTo(1);
        assertThat(BACKEND.received())
                .extracting(request -> request.path().endsWith("/ack"))
                .containsExactly(false, true, false);
        assertThat(output.getAll()).contains("Round done: answered a prompter_reply task");
    }

    @Test
    void refusesToStartWithoutBackendUrlAndKeyAndSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> run("--OASST_BACKEND_URL=", "--OASST_API_KEY="))
                .hasRootCauseInstanceOf(OasstConfigurationException.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("The OASST client cannot be configured: oasst.base-url is not set")
                .contains("Set oasst.base-url (or the environment variable OASST_BASE_URL): the client needs both");
        assertThat(BACKEND.received()).isEmpty();
    }

    @Test
    void refusesAKeyThatCannotGoIntoAHeaderWithoutPrintingIt(CapturedOutput output) {
        String key = "secret-key-with-a-bell-\u0007-inside";

        assertThatThrownBy(() -> run("--OASST_BACKEND_URL=" + BACKEND.baseUrl(), "--OASST_API_KEY=" + key))
                .hasStackTraceContaining("API key")
                .satisfies(failure -> {
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("secret-key");
                    }
                });
        assertThat(output.getAll()).doesNotContain("secret-key");
        assertThat(BACKEND.received()).isEmpty();
    }
}
