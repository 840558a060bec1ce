package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What to do with an emoji. {@link #TOGGLE} is not safe to repeat, and is never repeated. */
public enum EmojiOp {
    @JsonProperty("toggle")
    TOGGLE,
    @JsonProperty("add")
    ADD,
    @JsonProperty("remove")
    REMOVE
}
