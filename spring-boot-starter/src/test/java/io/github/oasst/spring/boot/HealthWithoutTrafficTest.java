package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.ReceivedRequest;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The {@code oasst} health in a Boot application with the actuator, and the application making no
 * call at all: the probe takes the backend out of readiness when it fails and brings it back within
 * one interval once it answers again; liveness never follows the backend (the groups of {@code
 * docs/spring.md}).
 */
@SpringBootTest(
        classes = StarterApplication.class,
        properties = {
            "oasst.health.interval=" + HealthWithoutTrafficTest.INTERVAL_MILLIS + "ms",
            "management.endpoint.health.show-details=always",
            "management.endpoint.health.probes.enabled=true",
            "management.endpoint.health.group.readiness.include=readinessState,oasst"
        })
@WithFakeOasstBackend
class HealthWithoutTrafficTest {
    static final long INTERVAL_MILLIS = 2000;
    private static final String PROBE = "/api/v1/messages/";

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    HealthEndpoint health;

    private Status oasst() {
        return health.healthForPath("oasst").getStatus();
    }

    @Test
    void aFailingBackendIsDownAndUpAgainWithinOneIntervalOfItsRecovery() throws InterruptedException {
        backend.injectFault(1_000, PROBE, InjectedFault.status(503));

        IndicatedHealthDescriptor down = (IndicatedHealthDescriptor) health.healthForPath("oasst");
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("reason", "backend answering with server errors");
        assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);

        backend.clearFaults();
        assertThat(oasst()).as("the probe's result stands for the interval").isEqualTo(Status.DOWN);
        Thread.sleep(Duration.ofMillis(INTERVAL_MILLIS).toMillis());

        assertThat(oasst()).isEqualTo(Status.UP);
        assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
        List<ReceivedRequest> probes = backend.received().stream()
                .filter(request -> request.path().equals(PROBE))
                .toList();
        assertThat(probes).hasSize(2).allSatisfy(probe -> {
            assertThat(probe.method()).isEqualTo("GET");
            assertThat(probe.query()).isEqualTo("max_count=1");
        });
        assertThat(backend.received()).as("no request but the probes").hasSameSizeAs(probes);
    }
}
