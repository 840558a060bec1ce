package io.github.oasst.spring.boot;

import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstOperation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The context of one call's observation: the operation, then the call as it ended. Its carrier is
 * the headers a tracer propagates (traceparent), sent with each of the call's requests.
 */
public class OasstObservationContext extends SenderContext<Map<String, String>> {
    private final OasstOperation operation;
    private volatile @Nullable OasstCall call;

    public OasstObservationContext(OasstOperation operation) {
        super(
                (carrier, key, value) -> {
                    if (carrier != null) {
                        carrier.put(key, value);
                    }
                },
                Kind.CLIENT);
        this.operation = operation;
        setCarrier(new ConcurrentHashMap<>());
        setRemoteServiceName("oasst-backend");
    }

    public OasstOperation operation() {
        return operation;
    }

    /** The call as it ended; null until then. */
    public @Nullable OasstCall call() {
        return call;
    }

    void ended(OasstCall call) {
        this.call = call;
    }
}
