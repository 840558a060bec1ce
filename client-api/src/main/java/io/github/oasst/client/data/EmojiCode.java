package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The emojis a user can put on a message; the {@code _skip_*} ones record a skipped task. */
public enum EmojiCode {
    @JsonProperty("+1")
    THUMBS_UP,
    @JsonProperty("-1")
    THUMBS_DOWN,
    @JsonProperty("red_flag")
    RED_FLAG,
    @JsonProperty("100")
    HUNDRED,
    @JsonProperty("rofl")
    ROFL,
    @JsonProperty("clap")
    CLAP,
    @JsonProperty("diamond")
    DIAMOND,
    @JsonProperty("heart_eyes")
    HEART_EYES,
    @JsonProperty("disappointed")
    DISAPPOINTED,
    @JsonProperty("poop")
    POOP,
    @JsonProperty("skull")
    SKULL,
    @JsonProperty("_skip_reply")
    SKIP_REPLY,
    @JsonProperty("_skip_ranking")
    SKIP_RANKING,
    @JsonProperty("_skip_labeling")
    SKIP_LABELING
}
