package io.github.oasst.spring.boot;

import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the client's calls tell about the backend, kept for {@link OasstHealthIndicator}: the last
 * call that went through, the last one that failed, and the last whose outcome says whether the
 * backend works, with when. A listener of the auto-configured client.
 */
public final class OasstClientHealth implements OasstCallListener {
    /** A call as it ended, and when. */
    public record Ended(OasstCall call, Instant at) {
        public Ended {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(at, "at");
        }
    }

    private final Clock clock;
    private volatile @Nullable Ended lastSuccess;
    private volatile @Nullable Ended lastFailure;
    private volatile @Nullable Ended lastTelling;

    public OasstClientHealth(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void callEnded(OasstCall call) {
        Ended ended = new Ended(call, clock.instant());
        if (call.outcome() == OasstCall.Outcome.FAILED) {
            lastFailure = ended;
        } else {
            lastSuccess = ended;
        }
        if (BackendVerdict.ofCall(call.failure()) != BackendVerdict.NONE) {
            lastTelling = ended;
        }
    }

    public @Nullable Ended lastSuccess() {
        return lastSuccess;
    }

    public @Nullable Ended lastFailure() {
        return lastFailure;
    }

    /** The last call whose outcome says whether the backend works ({@link BackendVerdict#ofCall}). */
    @Nullable
    Ended lastTelling() {
        return lastTelling;
    }

    Clock clock() {
        return clock;
    }
}
