package io.github.oasst.benchmarks;

import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import java.util.UUID;

/** The values every benchmark sends, the same for the client and the hand-written baseline. */
public final class Fixtures {
    /** The id of the canned server's task ({@code prompter_reply.json}), which the raw socket acks. */
    public static final UUID TASK_ID = UUID.fromString("746216f8-9715-4061-8a35-22cb7618b588");

    public static final String API_KEY = "benchmark-api-key-0123456789";
    public static final User USER = User.discord("123456789012345678", "Benchmark User");
    public static final String MESSAGE_ID = "fe-msg-0123456789";
    public static final String USER_MESSAGE_ID = "fe-user-msg-0123456789";
    public static final String REPLY_TEXT = "Thanks, that makes it clear. Could you show an example of a named tuple?";

    private Fixtures() {}

    /** The answer of the full cycle, built per call by every variant. */
    public static TextReplyToMessage reply() {
        return TextReplyToMessage.of(USER, MESSAGE_ID, USER_MESSAGE_ID, REPLY_TEXT);
    }
}
