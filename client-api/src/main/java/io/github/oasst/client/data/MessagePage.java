package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of messages from a cursor operation: {@code prev} and {@code next} are the cursors of
 * the pages around it, null at an end. Servers from 2023-02 on.
 *
 * @param prev the cursor of the page before, null at the start
 * @param next the cursor of the page after, null at the end
 * @param sortKey what the page is sorted by
 * @param items the page's items
 * @param order the sort order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessagePage(
        @JsonProperty("prev") @Nullable String prev,
        @JsonProperty("next") @Nullable String next,
        @JsonProperty("sort_key") String sortKey,
        @JsonProperty("items") List<Message> items,
        @JsonProperty("order") SortOrder order)
        implements Page<Message> {
    public MessagePage {
        Checks.notNull(sortKey, "sort key");
        Checks.notNull(items, "items");
        items = items == null ? List.of() : List.copyOf(items);
        Checks.notNull(order, "order");
    }
}
