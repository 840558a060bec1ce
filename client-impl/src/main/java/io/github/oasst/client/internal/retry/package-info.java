/**
 * Internal: the retry core. A call's attempts run under Resilience4j's {@code Retry} ({@link
 * io.github.oasst.client.internal.retry.Retrier}); what is the client's own (the deadline,
 * reconciliation, the record of each attempt, ending a call from outside) is the call's ({@link
 * io.github.oasst.client.internal.retry.Call}). No static state: a call's data lives in the call.
 * Not API: these types may change in any release.
 */
@NullMarked
package io.github.oasst.client.internal.retry;

import org.jspecify.annotations.NullMarked;
