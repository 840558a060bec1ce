package io.github.oasst.client;

import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstServerVersion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's version, as stated to the builder or learned once by a {@link ServerVersionProbe}:
 * its {@code GET /api/v1/tasks/availability} answered 405 (the route exists: 2023-05) or 404 (2023-01).
 * Shared by a client and its per-user views. A probe that tells nothing (a failure, another status)
 * is not remembered.
 */
final class KnownVersion {
    private static final Logger LOG = LoggerFactory.getLogger(OasstClient.class);

    private final AtomicReference<@Nullable OasstServerVersion> known;
    private final Supplier<ServerVersionProbe> probe;
    private final Supplier<ServerVersionProbe.Async> asyncProbe;

    KnownVersion(
            @Nullable OasstServerVersion stated,
            Supplier<ServerVersionProbe> probe,
            Supplier<ServerVersionProbe.Async> asyncProbe) {
        this.known = new AtomicReference<>(stated);
        this.probe = probe;
        this.asyncProbe = asyncProbe;
    }

    /** The version if stated or learned, else null. */
    @Nullable
    OasstServerVersion ifKnown() {
        return known.get();
    }

    /**
     * The version, probed at the first call.
     *
     * @throws OasstException when the probe fails or its answer tells no known version
     */
    OasstServerVersion get() {
        OasstServerVersion version = known.get();
        if (version != null) {
            return version;
        }
        try {
            probe.get().availabilityRoute();
            return learned(OasstServerVersion.V2023_05); // a newer server answering GET: the route is there
        } catch (OasstError error) {
            return learned(error);
        }
    }

    /** Like {@link #get()}, asynchronous. */
    CompletableFuture<OasstServerVersion> getAsync() {
        OasstServerVersion version = known.get();
        if (version != null) {
            return CompletableFuture.completedFuture(version);
        }
        CompletableFuture<OasstServerVersion> result = new CompletableFuture<>();
        asyncProbe.get().availabilityRoute().whenComplete((value, failure) -> {
            try {
                if (failure == null) {
                    result.complete(learned(OasstServerVersion.V2023_05));
                } else if (failure instanceof OasstError error) {
                    result.complete(learned(error));
                } else {
                    result.completeExceptionally(failure);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Learns the version now if it is not known, keeping quiet when the probe cannot tell. */
    void tryToLearn() {
        if (known.get() == null) {
            try {
                get();
            } catch (OasstException e) {
                LOG.debug("The backend's version is not known: {}", e.getMessage());
            }
        }
    }

    /** Like {@link #tryToLearn()}, asynchronous; never fails. */
    CompletableFuture<@Nullable OasstServerVersion> tryToLearnAsync() {
        if (known.get() != null) {
            return CompletableFuture.completedFuture(known.get());
        }
        return getAsync().handle((version, failure) -> {
            if (failure != null) {
                LOG.debug("The backend's version is not known: {}", failure.getMessage());
            }
            return version;
        });
    }

    private OasstServerVersion learned(OasstError error) {
        return learned(
                switch (error.status()) {
                    case 405 -> OasstServerVersion.V2023_05;
                    case 404 -> OasstServerVersion.V2023_01;
                    default -> throw error;
                });
    }

    private OasstServerVersion learned(OasstServerVersion version) {
        known.compareAndSet(null, version);
        LOG.debug("The backend is the {} version", version);
        return version;
    }
}
