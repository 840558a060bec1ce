/**
 * Internal: JSON and errors. The encoder and decoder of the protocol records, the error decoder that
 * makes {@link io.github.oasst.client.api.OasstError}, and the translation of Feign's and OkHttp's
 * failures into the client's exceptions. Not API: these types may change in any release.
 */
@NullMarked
package io.github.oasst.client.internal.codec;

import org.jspecify.annotations.NullMarked;
