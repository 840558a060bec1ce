/**
 * Internal: the client's Feign capability. It checks each method's arguments before anything is
 * sent, classes each method as an operation of the retry policy, and runs it under the retry core.
 * Not API: these types may change in any release.
 */
@NullMarked
package io.github.oasst.client.internal.feign;

import org.jspecify.annotations.NullMarked;
