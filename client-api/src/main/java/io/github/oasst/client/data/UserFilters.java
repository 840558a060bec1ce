package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The setters that all the queries of users have: {@link UserQuery}, {@link DisplayNameQuery} and {@link
 * UserCursorQuery}.
 *
 * @param <B> the concrete builder
 */
abstract class UserFilters<B extends UserFilters<B>> extends QueryBuilder<B> {
    UserFilters(String query, String order) {
        super(query, order);
    }

    /** The API client whose users: a trusted key may name any, another sees its own. */
    public B apiClientId(UUID apiClientId) {
        return set("api_client_id", apiClientId);
    }

    /**
     * Only users whose name contains this text: the frontend id or the display name, the one the users
     * are ordered by.
     */
    public B searchText(String searchText) {
        return set("search_text", searchText);
    }

    /** Only users of this auth method. */
    public B authMethod(AuthMethod authMethod) {
        return set("auth_method", authMethod);
    }

    /** How many (in a query of pages, per page), 1 to 10000; the server's default is 100. */
    public B maxCount(int maxCount) {
        return set("max_count", maxCount);
    }

    @Override
    void add(QueryText text, String name, @Nullable Object value) {
        if (name.equals("max_count")) {
            text.count(name, (Integer) value, 10000);
        } else {
            super.add(text, name, value);
        }
    }
}
