/**
 * The OpenFeign interface of the OASST tasks API ({@link io.github.oasst.client.api.OasstTasksApi})
 * and the exceptions every client call may raise, rooted at {@link
 * io.github.oasst.client.api.OasstException}.
 */
@NullMarked
package io.github.oasst.client.api;

import org.jspecify.annotations.NullMarked;
