package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The text labels of both published servers, the {@code valid_labels} of their label tasks: the 22
 * of the 2023-01 server, and the 15 of the 2023-05 server (which refuses the others with 422). Seven
 * names are the same in both; each constant says which server knows it. {@link TextLabels} takes
 * any name as a string; a label task's {@code validLabels()} says which ones its server takes.
 */
public enum TextLabel {
    /** Both servers. */
    SPAM("spam"),
    /** Both servers. */
    VIOLENCE("violence"),
    /** Both servers. */
    SEXUAL_CONTENT("sexual_content"),
    /** Both servers. */
    TOXICITY("toxicity"),
    /** Both servers. */
    POLITICAL_CONTENT("political_content"),
    /** Both servers. */
    HUMOR("humor"),
    /** 2023-01 only. */
    SARCASM("sarcasm"),
    /** Both servers. */
    HATE_SPEECH("hate_speech"),
    /** 2023-01 only. */
    PROFANITY("profanity"),
    /** 2023-01 only. */
    AD_HOMINEM("ad_hominem"),
    /** 2023-01 only. */
    INSULT("insult"),
    /** 2023-01 only. */
    THREAT("threat"),
    /** 2023-01 only. */
    AGGRESSIVE("aggressive"),
    /** 2023-01 only. */
    MISLEADING("misleading"),
    /** 2023-01 only. */
    HELPFUL("helpful"),
    /** 2023-01 only. */
    FORMAL("formal"),
    /** 2023-01 only. */
    CRINGE("cringe"),
    /** 2023-01 only. */
    CREATIVE("creative"),
    /** 2023-01 only. */
    BEAUTIFUL("beautiful"),
    /** 2023-01 only. */
    INFORMATIVE("informative"),
    /** 2023-01 only. */
    BASED("based"),
    /** 2023-01 only. */
    SLANG("slang"),
    /** 2023-05 only. */
    FAILS_TASK("fails_task"),
    /** 2023-05 only. */
    LANG_MISMATCH("lang_mismatch"),
    /** 2023-05 only. */
    PII("pii"),
    /** 2023-05 only. */
    NOT_APPROPRIATE("not_appropriate"),
    /** 2023-05 only. */
    MORAL_JUDGEMENT("moral_judgement"),
    /** 2023-05 only. */
    QUALITY("quality"),
    /** 2023-05 only. */
    HELPFULNESS("helpfulness"),
    /** 2023-05 only. */
    CREATIVITY("creativity");

    private final String wireName;

    TextLabel(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, for example {@code "hate_speech"}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The label with this wire name, if it is one of these. */
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
