package io.github.oasst.client.internal.retry;

import io.github.oasst.client.OasstCall;
import io.github.oasst.client.OasstCallListener;
import io.github.oasst.client.OasstCallObserver;
import io.github.oasst.client.OasstOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's listeners and observers: told of each call's start and end. What they throw, an
 * {@link Error} included, is logged and ignored: it never keeps a call from ending.
 */
public final class CallEvents {
    private static final Logger LOG = LoggerFactory.getLogger(CallEvents.class);

    private final List<OasstCallListener> listeners;
    private final List<OasstCallObserver> observers;

    public CallEvents(List<OasstCallListener> listeners, List<OasstCallObserver> observers) {
        this.listeners = List.copyOf(listeners);
        this.observers = List.copyOf(observers);
    }

    /** A call starts, on the thread that makes it. */
    Started started(OasstOperation operation) {
        if (observers.isEmpty()) {
            return new Started(List.of());
        }
        List<OasstCallObserver.Observation> observations = new ArrayList<>(observers.size());
        for (OasstCallObserver observer : observers) {
            try {
                observations.add(observer.callStarted(operation));
            } catch (Throwable e) {
                LOG.warn("A call observer failed; the call goes unobserved by it", e);
            }
        }
        return new Started(observations);
    }

    /** One call, observed. */
    final class Started {
        private final List<OasstCallObserver.Observation> observations;

        private Started(List<OasstCallObserver.Observation> observations) {
            this.observations = observations;
        }

        /** The headers the observations want on each request of the call. */
        Map<String, String> headers() {
            if (observations.isEmpty()) {
                return Map.of();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (OasstCallObserver.Observation observation : observations) {
                try {
                    observation.headers().forEach(headers::putIfAbsent);
                } catch (Throwable e) {
                    LOG.warn("A call observer failed; its headers are left out", e);
                }
            }
            return headers;
        }

        /** The call ended: tells the observations, then the listeners. */
        void ended(OasstCall call) {
            for (OasstCallObserver.Observation observation : observations) {
                try {
                    observation.callEnded(call);
                } catch (Throwable e) {
                    LOG.warn("A call observer failed; it is ignored", e);
                }
            }
            for (OasstCallListener listener : listeners) {
                try {
                    listener.callEnded(call);
                } catch (Throwable e) {
                    LOG.warn("A call listener failed; it is ignored", e);
                }
            }
        }
    }
}
