package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The order of a page. */
public enum SortOrder {
    @JsonProperty("asc")
    ASC,
    @JsonProperty("desc")
    DESC
}
