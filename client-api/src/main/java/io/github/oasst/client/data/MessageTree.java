package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;
import java.util.UUID;

/**
 * Messages of one tree: all of them, a message's descendants, or a message and its children,
 * as the operation says.
 *
 * @param id its id
 * @param messages the messages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageTree(
        @JsonProperty("id") UUID id,
        @JsonProperty("messages") List<Message> messages) {
    public MessageTree {
        Checks.notNull(id, "id");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
