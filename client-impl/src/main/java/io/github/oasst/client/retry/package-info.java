/**
 * How the client's calls run and end, as plain values: {@link
 * io.github.oasst.client.retry.RetryPolicy} (attempts, waits, deadline, which failures of which
 * {@link io.github.oasst.client.retry.OasstOperation} are retried, {@link
 * io.github.oasst.client.retry.InteractionKind}s repeated after a lost answer), and {@link
 * io.github.oasst.client.retry.OasstCallListener}, told how each call ended ({@link
 * io.github.oasst.client.retry.OasstCall}). No Resilience4j types: {@link
 * io.github.oasst.client.OasstResilience4j} maps them onto Resilience4j's configuration.
 */
@NullMarked
package io.github.oasst.client.retry;

import org.jspecify.annotations.NullMarked;
