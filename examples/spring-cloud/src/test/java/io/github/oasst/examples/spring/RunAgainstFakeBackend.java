package io.github.oasst.examples.spring;

import io.github.oasst.client.testkit.FakeOasstBackend;
import org.springframework.boot.SpringApplication;

/**
 * Runs the example offline, against a fake backend on a loopback port ({@code ./mvnw -pl
 * examples/spring-cloud spring-boot:test-run}).
 */
public final class RunAgainstFakeBackend {
    private RunAgainstFakeBackend() {}

    public static void main(String[] args) {
        int exitCode;
        try (FakeOasstBackend backend = FakeOasstBackend.start()) {
            exitCode = SpringApplication.exit(SpringApplication.run(
                    OasstSpringCloudExample.class,
                    "--oasst.base-url=" + backend.baseUrl(),
                    "--oasst.api-key=" + backend.apiKey()));
        }
        System.exit(exitCode);
    }
}
