package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.ReceivedRequest;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tracing as a Boot 4 application gets it: {@code spring-boot-micrometer-tracing-opentelemetry} and
 * {@code management.tracing.sampling.probability}. A service's round (fetch, ack, interaction) under
 * one observation of the application's is one trace: each call a span, child of the application's,
 * and each request carries its call's span in {@code traceparent}, as the fake backend received it.
 */
@SpringBootTest(
        classes = {StarterApplication.class, OasstTracingTest.Spans.class},
        properties = "management.tracing.sampling.probability=1.0")
@AutoConfigureTracing
@WithFakeOasstBackend
class OasstTracingTest {
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        InMemorySpanExporter spanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    FrontendService service;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    InMemorySpanExporter exporter;

    @Autowired
    SdkTracerProvider tracerProvider;

    @Test
    void aRoundIsOneTraceWithASpanPerCallAndItsTraceparentOnEachRequest() {
        exporter.reset();
        Observation.createNotStarted("frontend.round", observations)
                .observe(() -> service.firstPrompt(User.local("traced", "Traced"), "traced-1", "Why is the sky blue?"));
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);

        List<ReceivedRequest> requests = backend.received().stream()
                .filter(request -> request.method().equals("POST")) // the calls, not the version's probe
                .toList();
        assertThat(requests)
                .extracting(ReceivedRequest::path)
                .hasSize(3)
                .first()
                .isEqualTo("/api/v1/tasks/");
        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData round = spans.stream()
                .filter(span -> span.getName().equals("frontend.round"))
                .findFirst()
                .orElseThrow();
        List<String> expectedNames = List.of("oasst fetch-task", "oasst ack-task", "oasst post-interaction");
        for (int i = 0; i < requests.size(); i++) {
            Matcher traceparent =
                    TRACEPARENT.matcher(String.valueOf(requests.get(i).header("traceparent")));
            assertThat(traceparent.matches())
                    .as("traceparent of %s", requests.get(i))
                    .isTrue();
            assertThat(traceparent.group(1)).as("one trace").isEqualTo(round.getTraceId());
            String spanId = traceparent.group(2);
            SpanData call = spans.stream()
                    .filter(span -> span.getSpanId().equals(spanId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no span " + spanId + " among " + spans));
            assertThat(call.getName()).isEqualTo(expectedNames.get(i));
            assertThat(call.getParentSpanId())
                    .as("a child of the application's span")
                    .isEqualTo(round.getSpanId());
            assertThat(call.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CLIENT);
        }
        assertThat(requests.stream().map(request -> request.header("traceparent")))
                .as("a span per call")
                .doesNotHaveDuplicates();
    }
}
