/**
 * Internal: the client's HTTP pieces behind {@link io.github.oasst.client.OasstFeign}: Feign's
 * {@code Client} on OkHttp, its request options, the request interceptors (API key, user agent) and
 * the redacting logger. Not API: these types may change in any release.
 */
@NullMarked
package io.github.oasst.client.internal.http;

import org.jspecify.annotations.NullMarked;
