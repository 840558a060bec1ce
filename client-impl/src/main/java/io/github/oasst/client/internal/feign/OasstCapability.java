package io.github.oasst.client.internal.feign;

import feign.Capability;
import feign.InvocationHandlerFactory;
import feign.Retryer;
import io.github.resilience4j.feign.Resilience4jFeign;

/**
 * The client's Feign capability: Resilience4j's, decorating each call with the {@link
 * RetryingDecorator}, and Feign's own {@link Retryer} replaced by {@link Retryer#NEVER_RETRY}
 * whatever the builder was given. Feign's default retryer repeats any request, a POST included,
 * after an I/O failure, up to 5 times: under the client's retries that would send an interaction
 * again, and multiply the attempts.
 */
public final class OasstCapability implements Capability {
    private final Capability resilience4j;

    private OasstCapability(Capability resilience4j) {
        this.resilience4j = resilience4j;
    }

    public static Capability of(RetryingDecorator decorator) {
        return new OasstCapability(Resilience4jFeign.capability(decorator));
    }

    @Override
    public InvocationHandlerFactory enrich(InvocationHandlerFactory invocationHandlerFactory) {
        return resilience4j.enrich(invocationHandlerFactory);
    }

    @Override
    public Retryer enrich(Retryer retryer) {
        return Retryer.NEVER_RETRY;
    }
}
