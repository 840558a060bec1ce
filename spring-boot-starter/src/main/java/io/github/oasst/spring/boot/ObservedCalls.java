package io.github.oasst.spring.boot;

import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.OasstOperation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The client's calls as Micrometer observations: one per call, started on the calling thread (so a
 * child of the caller's current observation), its propagated headers sent with each request, stopped
 * with the call's outcome. Boot's handlers make a timer and, with Micrometer Tracing, a span of it.
 */
final class ObservedCalls implements OasstCallListener {
    private static final OasstObservationConvention DEFAULT = new DefaultOasstObservationConvention();

    private final ObservationRegistry registry;
    private final @Nullable OasstObservationConvention convention;

    ObservedCalls(ObservationRegistry registry, @Nullable OasstObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    /** Never called: each call is told to the observation {@link #callStarted} made of it. */
    @Override
    public void callEnded(OasstCall call) {}

    @Override
    public OasstCallListener.Observation callStarted(OasstOperation operation) {
        OasstObservationContext context = new OasstObservationContext(operation);
        io.micrometer.observation.Observation observation = io.micrometer.observation.Observation.createNotStarted(
                        convention, DEFAULT, () -> context, registry)
                .start();
        return new OasstCallListener.Observation() {
            @Override
            public Map<String, String> headers() {
                Map<String, String> carrier = context.getCarrier();
                return carrier == null ? Map.of() : Map.copyOf(carrier);
            }

            @Override
            public void callEnded(OasstCall call) {
                context.ended(call);
                Throwable failure = call.failure();
                if (failure != null) {
                    observation.error(failure);
                }
                observation.stop();
            }
        };
    }
}
