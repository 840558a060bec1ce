/**
 * Internal: retries. The Resilience4j decorator that Feign clients of the tasks API get through
 * their capability, and the retry loop behind it and behind {@link io.github.oasst.client.OasstRetries}.
 * Not API: these types may change in any release.
 */
@NullMarked
package io.github.oasst.client.internal.retry;

import org.jspecify.annotations.NullMarked;
