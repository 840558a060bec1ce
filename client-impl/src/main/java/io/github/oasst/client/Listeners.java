package io.github.oasst.client;

import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.OasstOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's listeners as one: each call observed by each of them, in the order they were added.
 * What a listener throws, an {@link Error} included, is logged and ignored: it never keeps a call
 * from ending, nor the other listeners from being told.
 */
final class Listeners implements OasstCallListener {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<OasstCallListener> listeners;

    Listeners(List<OasstCallListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void callEnded(OasstCall call) {
        throw new UnsupportedOperationException("told through the observations of callStarted");
    }

    @Override
    public Observation callStarted(OasstOperation operation) {
        List<Observation> observations = new ArrayList<>(listeners.size());
        for (OasstCallListener listener : listeners) {
            try {
                observations.add(listener.callStarted(operation));
            } catch (Throwable e) {
                LOG.warn("A call listener failed; the call goes unobserved by it", e);
            }
        }
        return new Observation() {
            @Override
            public Map<String, String> headers() {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Observation observation : observations) {
                    try {
                        observation.headers().forEach(headers::putIfAbsent);
                    } catch (Throwable e) {
                        LOG.warn("A call listener failed; its headers are left out", e);
                    }
                }
                return headers;
            }

            @Override
            public void callEnded(OasstCall call) {
                for (Observation observation : observations) {
                    try {
                        observation.callEnded(call);
                    } catch (Throwable e) {
                        LOG.warn("A call listener failed; it is ignored", e);
                    }
                }
            }
        };
    }
}
