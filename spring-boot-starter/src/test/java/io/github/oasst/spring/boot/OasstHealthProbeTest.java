package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The probe against the fake backend in both modes: a cheap read each server version answers, the
 * key checked; a trusted and an untrusted key are up, a wrong one is down with "credentials
 * rejected"; one attempt, never retried, not observed among the application's calls.
 */
class OasstHealthProbeTest {
    private static final String UNTRUSTED = "untrusted-frontend-key";

    private static void withHealth(FakeOasstBackend backend, String key, Consumer<Health> check) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OasstAutoConfiguration.class))
                .withPropertyValues("oasst.base-url=" + backend.baseUrl(), "oasst.api-key=" + key)
                .run(context ->
                        check.accept(context.getBean(OasstHealthIndicator.class).health()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OasstServerVersion.class)
    void everyServerVersionAnswersTheProbeAndChecksTheKey(OasstServerVersion version) {
        try (FakeOasstBackend backend = FakeOasstBackend.builder()
                .serverVersion(version)
                .untrustedApiKey(UNTRUSTED)
                .start()) {
            withHealth(
                    backend,
                    backend.apiKey(),
                    health -> assertThat(health.getStatus()).isEqualTo(Status.UP));
            withHealth(
                    backend,
                    UNTRUSTED,
                    health -> assertThat(health.getStatus())
                            .as("an untrusted key may read its own messages")
                            .isEqualTo(Status.UP));
            withHealth(backend, "wrong-key", health -> {
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("reason", "credentials rejected");
            });

            assertThat(backend.received()).hasSize(3).allSatisfy(probe -> {
                assertThat(probe.method()).isEqualTo("GET");
                assertThat(probe.path()).isEqualTo("/api/v1/messages/");
                assertThat(probe.query()).isEqualTo("max_count=1");
                assertThat(probe.header("x-oasst-user")).as("no user named").isNull();
            });
            assertThat(backend.received())
                    .extracting(request -> request.header("X-API-Key"))
                    .containsExactly(backend.apiKey(), UNTRUSTED, "wrong-key");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OasstServerVersion.class)
    void aFailedProbeIsNotRetried(OasstServerVersion version) {
        try (FakeOasstBackend backend =
                FakeOasstBackend.builder().serverVersion(version).start()) {
            backend.injectFault(1, "/api/v1/messages/", InjectedFault.connectionReset());

            withHealth(backend, backend.apiKey(), health -> {
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("reason", "backend unreachable");
            });
            assertThat(backend.requestCount("/api/v1/messages/")).isEqualTo(1);
        }
    }
}
