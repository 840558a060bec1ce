package io.github.oasst.spring.boot;

import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the client's calls tell about the backend, kept for {@link OasstHealthIndicator}: the last
 * call that went through and the last one that failed, with when. A listener of the auto-configured
 * client: the health check sends no request of its own.
 */
public final class OasstClientHealth implements OasstCallListener {
    /** A call as it ended, and when. */
    public record Ended(OasstCall call, Instant at) {}

    private final Clock clock;
    private volatile @Nullable Ended lastSuccess;
    private volatile @Nullable Ended lastFailure;

    public OasstClientHealth(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void callEnded(OasstCall call) {
        Ended ended = new Ended(call, clock.instant());
        if (call.outcome() == OasstCall.Outcome.FAILED) {
            lastFailure = ended;
        } else {
            lastSuccess = ended;
        }
    }

    public @Nullable Ended lastSuccess() {
        return lastSuccess;
    }

    public @Nullable Ended lastFailure() {
        return lastFailure;
    }

    Clock clock() {
        return clock;
    }
}
