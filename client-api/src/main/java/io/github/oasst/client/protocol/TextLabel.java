package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The 22 text labels of the 2023-01 server, the {@code valid_labels} of its label tasks. Newer
 * servers use other names; {@link TextLabels} takes any name as a string.
 */
public enum TextLabel {
    SPAM("spam"),
    VIOLENCE("violence"),
    SEXUAL_CONTENT("sexual_content"),
    TOXICITY("toxicity"),
    POLITICAL_CONTENT("political_content"),
    HUMOR("humor"),
    SARCASM("sarcasm"),
    HATE_SPEECH("hate_speech"),
    PROFANITY("profanity"),
    AD_HOMINEM("ad_hominem"),
    INSULT("insult"),
    THREAT("threat"),
    AGGRESSIVE("aggressive"),
    MISLEADING("misleading"),
    HELPFUL("helpful"),
    FORMAL("formal"),
    CRINGE("cringe"),
    CREATIVE("creative"),
    BEAUTIFUL("beautiful"),
    INFORMATIVE("informative"),
    BASED("based"),
    SLANG("slang");

    private final String wireName;

    TextLabel(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, for example {@code "hate_speech"}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The label with this wire name, if it is one of the 22. */
    public static Optional<TextLabel> fromWireName(String wireName) {
        for (TextLabel label : values()) {
            if (label.wireName.equals(wireName)) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
