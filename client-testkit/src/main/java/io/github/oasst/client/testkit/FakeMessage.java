package io.github.oasst.client.testkit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message the fake backend holds: a text a user sent through a task (its prompt or reply), or a
 * message of the fake's own conversations. What a test checks after a frontend played, for example
 * that a reply was stored once, under its frontend id and user.
 *
 * @param id the backend's id of the message
 * @param parentId the message it replies to, null for a prompt that starts a tree
 * @param frontendMessageId the frontend's id of it (the interaction's {@code user_message_id}),
 *     null for the fake's own messages
 * @param username the frontend user id of its author
 * @param text what it says
 * @param assistant whether it is an assistant's reply
 * @param deleted whether it was deleted (the backend only marks it)
 * @param labelsStored how many text-label reports were stored for it
 */
public record FakeMessage(
        UUID id,
        @Nullable UUID parentId,
        @Nullable String frontendMessageId,
        String username,
        String text,
        boolean assistant,
        boolean deleted,
        int labelsStored) {}
