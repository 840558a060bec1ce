/**
 * The OASST tasks protocol as immutable Java records: what a frontend sends ({@link
 * io.github.oasst.client.protocol.TaskRequest}, {@link io.github.oasst.client.protocol.Interaction}
 * and the acknowledgements) and what the backend answers (the sealed {@link
 * io.github.oasst.client.protocol.Task} hierarchy).
 *
 * <p>Names on the wire are snake_case. Values are checked where they are made, as the server checks
 * them, so an invalid value fails with an {@link IllegalArgumentException} before any request is
 * sent. Decoding is lenient the other way: unknown fields are ignored and an unknown task type
 * becomes an {@link io.github.oasst.client.protocol.UnknownTask}.
 */
@NullMarked
package io.github.oasst.client.protocol;

import org.jspecify.annotations.NullMarked;
