package io.github.oasst.contract;

import io.github.oasst.client.data.CreateFrontendUserRequest;
import io.github.oasst.client.data.EmojiCode;
import io.github.oasst.client.data.EmojiOp;
import io.github.oasst.client.data.MessageEmojiRequest;
import io.github.oasst.client.protocol.AuthMethod;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Valid arguments of the data interfaces' methods, as a frontend would pass them. */
final class DataFixtures {
    /** The backend's id of a user. */
    static final UUID USER_ID = UUID.fromString("0e8b1f43-5c2d-4b8e-a1f7-3d9c6e2b4a10");
    /** Another user's backend id, for the {@code gt_id}/{@code lt_id} bounds. */
    static final UUID OTHER_USER_ID = UUID.fromString("7c3a9e21-84b6-4f0d-9e5a-c1b2d3e4f506");

    static final UUID API_CLIENT_ID = UUID.fromString("5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
    /** The frontend's id of {@link Fixtures#DISCORD_USER}. */
    static final String USERNAME = Fixtures.DISCORD_USER.id();

    static final AuthMethod AUTH_METHOD = AuthMethod.DISCORD;
    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2023-05-01T12:30:00Z");
    /** A page cursor as a page's {@code prev} or {@code next} gives it. */
    static final String CURSOR = "eyJpZCI6ImIxOTQ2YWM5In0";

    static final String LANG = "en";

    private DataFixtures() {}

    /** Labels of a message outside a task. */
    static TextLabels textLabels() {
        Map<TextLabel, Double> labels = new LinkedHashMap<>();
        labels.put(TextLabel.SPAM, 1.0);
        labels.put(TextLabel.HELPFUL, 0.25);
        return TextLabels.of(Fixtures.DISCORD_USER, Fixtures.MESSAGE_ID, "What is the tallest mountain?", labels);
    }

    static MessageEmojiRequest emoji() {
        return new MessageEmojiRequest(Fixtures.DISCORD_USER, EmojiOp.ADD, EmojiCode.THUMBS_UP);
    }

    /** A user with every optional setting given. */
    static CreateFrontendUserRequest newUser() {
        return new CreateFrontendUserRequest(
                USERNAME, "Ada", AUTH_METHOD, true, true, true, "met at the contract tests");
    }
}
