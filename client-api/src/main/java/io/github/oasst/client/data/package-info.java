/**
 * What the OASST backend keeps besides tasks, as immutable records: messages and their trees
 * ({@link io.github.oasst.client.data.Message}), users ({@link
 * io.github.oasst.client.data.FrontEndUser}), statistics, leaderboards and the trollboard. Read and
 * changed through the interfaces of {@code io.github.oasst.client.api} ({@code OasstMessagesApi},
 * {@code OasstUsersApi}, …).
 *
 * <p>Names on the wire are snake_case; unknown fields are ignored; a value the schema declares
 * optional is null (or an empty list or map) when absent. Records marked "servers from 2023-02 on"
 * are only sent by newer servers than the 2023-01 one.
 *
 * <p>The query objects, {@link io.github.oasst.client.data.QueryParameters} ({@code MessageQuery},
 * {@code UserQuery}, …, and {@code UserUpdate}), carry the optional query parameters of the
 * operations that have more than two: each made by its builder, which checks every value, and each
 * the map of its parameters as they are sent, already escaped.
 */
@NullMarked
package io.github.oasst.client.data;

import org.jspecify.annotations.NullMarked;
