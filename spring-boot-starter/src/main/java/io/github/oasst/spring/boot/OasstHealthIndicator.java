package io.github.oasst.spring.boot;

import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The OASST backend's health, from the newest of two sources: the indicator's probe ({@link
 * OasstHealthProbe}, at most once per {@code oasst.health.interval}, when health is asked for) and
 * the client's calls ({@link OasstClientHealth}). {@code DOWN} when the newest says the backend
 * could not be reached, answered with a server error or, for the probe, rejected the key ({@code
 * reason: credentials rejected}); {@code UP} when it answered (a 4xx to a call is the backend
 * judging a request); {@code UNKNOWN} before either said anything. So a backend that recovers is
 * {@code UP} again within one interval without any traffic of the application's, and a wrong key is
 * {@code DOWN} without any either. The details give the probe's and the calls' last outcomes and the
 * circuit breaker's state (which, open, blocks calls but does not tell the backend's health).
 */
public class OasstHealthIndicator implements HealthIndicator {
    private final OasstClientHealth calls;
    private final @Nullable CircuitBreaker circuitBreaker;
    private final @Nullable OasstHealthProbe probe;

    OasstHealthIndicator(
            OasstClientHealth calls, @Nullable CircuitBreaker circuitBreaker, @Nullable OasstHealthProbe probe) {
        this.calls = calls;
        this.circuitBreaker = circuitBreaker;
        this.probe = probe;
    }

    @Override
    public Health health() {
        OasstHealthProbe.Result probed = probe == null ? null : probe.current();
        OasstClientHealth.Ended telling = calls.lastTelling();
        BackendVerdict verdict;
        if (probed != null && (telling == null || !telling.at().isAfter(probed.at()))) {
            verdict = BackendVerdict.ofProbe(probed.failure());
        } else if (telling != null) {
            verdict = BackendVerdict.ofCall(telling.call().failure());
        } else {
            verdict = BackendVerdict.NONE;
        }
        Health.Builder health = switch (verdict) {
            case UP -> Health.up();
            case NONE -> Health.unknown();
            default -> Health.down().withDetail("reason", verdict.reason());
        };
        if (probe != null) {
            health.withDetail("probe", probed == null ? Map.of("request", OasstHealthProbe.REQUEST) : probe(probed));
        }
        OasstClientHealth.Ended success = calls.lastSuccess();
        if (success != null) {
            health.withDetail(
                    "lastSuccess",
                    Map.of(
                            "operation", success.call().operation().name(),
                            "at", success.at().toString(),
                            "age", age(success.at())));
        }
        OasstClientHealth.Ended failure = calls.lastFailure();
        if (failure != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("operation", failure.call().operation().name());
            failed(details, failure.call().failure());
            details.put("at", failure.at().toString());
            details.put("age", age(failure.at()));
            health.withDetail("lastFailure", details);
        }
        if (circuitBreaker != null) {
            health.withDetail("circuitBreaker", circuitBreaker.getState().name());
        }
        return health.build();
    }

    private Map<String, Object> probe(OasstHealthProbe.Result probed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", OasstHealthProbe.REQUEST);
        BackendVerdict verdict = BackendVerdict.ofProbe(probed.failure());
        details.put("outcome", verdict == BackendVerdict.UP ? "answered" : verdict.reason());
        failed(details, probed.failure());
        details.put("at", probed.at().toString());
        details.put("age", age(probed.at()));
        details.put("took", probed.took().toString());
        return details;
    }

    /** A failure as the details show it: its type, class, status and code, or transport kind. */
    private static void failed(Map<String, Object> details, @Nullable Throwable exception) {
        if (exception == null) {
            return;
        }
        details.put("exception", exception.getClass().getSimpleName());
        if (exception instanceof OasstException oasst) {
            details.put("class", oasst.failureClass().name());
        }
        if (exception instanceof OasstError error) {
            details.put("status", error.status());
            error.knownErrorCode().ifPresent(code -> details.put("code", code.name()));
        } else if (exception instanceof OasstDecodeException decode) {
            details.put("status", decode.status());
        } else if (exception instanceof OasstTransportException transport) {
            details.put("kind", transport.kind().name());
        }
    }

    private String age(Instant at) {
        Duration age = Duration.between(at, calls.clock().instant());
        return (age.isNegative() ? Duration.ZERO : age).toString();
    }
}
