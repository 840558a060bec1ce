package io.github.oasst.client;

/**
 * Told of every call of a client when it ends ({@link OasstClientBuilder#listener}), blocking or
 * asynchronous, in the thread that ends it. Must be quick and must not throw (an exception is
 * logged and ignored).
 */
@FunctionalInterface
public interface OasstCallListener {
    void callEnded(OasstCall call);
}
