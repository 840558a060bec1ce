/**
 * The OASST tasks client: {@link io.github.oasst.client.OasstClient} (the facade, built by {@link
 * io.github.oasst.client.OasstClientBuilder}), its {@link io.github.oasst.client.retry.RetryPolicy}, and
 * {@link io.github.oasst.client.OasstFeign}, the Feign components for applications that build their
 * own Feign clients (Spring Cloud OpenFeign, for example), the client's retries among them. What
 * lies behind them is in the {@code internal} packages, which are not API.
 */
@NullMarked
package io.github.oasst.client;

import org.jspecify.annotations.NullMarked;
