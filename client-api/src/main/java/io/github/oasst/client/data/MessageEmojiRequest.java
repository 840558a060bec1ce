package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import io.github.oasst.client.protocol.User;
import org.jspecify.annotations.Nullable;

/**
 * Adds, removes or toggles an emoji of a user on a message. Servers from 2023-02 on.
 *
 * @param user its author, when asked for
 * @param op add, remove or toggle; toggle when null
 * @param emoji the emoji
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageEmojiRequest(
        @JsonProperty("user") User user,
        @JsonProperty("op") @Nullable EmojiOp op,
        @JsonProperty("emoji") EmojiCode emoji) {
    public MessageEmojiRequest {
        Checks.notNull(user, "user");
        Checks.notNull(emoji, "emoji");
    }
}
