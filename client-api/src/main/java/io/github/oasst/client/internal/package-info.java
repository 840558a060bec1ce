/**
 * Internal: argument checks and HTTP status texts shared by the API's packages. Not API: these
 * types may change in any release, and the module does not export this package.
 */
@NullMarked
package io.github.oasst.client.internal;

import org.jspecify.annotations.NullMarked;
