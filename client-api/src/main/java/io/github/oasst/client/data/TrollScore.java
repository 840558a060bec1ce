package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A user's line of the trollboard: flags, votes and label averages that point at abuse. Servers
 * from 2023-02 on.
 *
 * @param user whom the line is about, and its place
 * @param lastActivityDate the count of when the user was last active
 * @param enabled the count of whether the user may act
 * @param deleted the count of whether it is marked deleted
 * @param showOnLeaderboard the count of whether the user shows on leaderboards
 * @param trollScore the troll score: the more, the more suspect
 * @param baseDate the count of the start of the time frame
 * @param modifiedDate the count of when the line was computed
 * @param redFlags the count of red flags
 * @param upvotes the count of upvotes
 * @param downvotes the count of downvotes
 * @param spamPrompts the count of spam prompts
 * @param quality the average quality label of the user's messages, null without labels
 * @param humor the average humor label of the user's messages, null without labels
 * @param toxicity the average toxicity label of the user's messages, null without labels
 * @param violence the average violence label of the user's messages, null without labels
 * @param helpfulness the average helpfulness label of the user's messages, null without labels
 * @param spam the count of spam
 * @param langMismach the count of lang_mismatch labels (the schema spells it so)
 * @param notAppropriate the count of not appropriate
 * @param pii the count of pii
 * @param hateSpeech the count of hate speech
 * @param sexualContent the count of sexual content
 * @param politicalContent the count of political content
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrollScore(
        @JsonUnwrapped RankedUser user,
        @JsonProperty("last_activity_date") @Nullable Timestamp lastActivityDate,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("show_on_leaderboard") boolean showOnLeaderboard,
        @JsonProperty("troll_score") int trollScore,
        @JsonProperty("base_date") @Nullable Timestamp baseDate,
        @JsonProperty("modified_date") @Nullable Timestamp modifiedDate,
        @JsonProperty("red_flags") int redFlags,
        @JsonProperty("upvotes") int upvotes,
        @JsonProperty("downvotes") int downvotes,
        @JsonProperty("spam_prompts") int spamPrompts,
        @JsonProperty("quality") @Nullable Double quality,
        @JsonProperty("humor") @Nullable Double humor,
        @JsonProperty("toxicity") @Nullable Double toxicity,
        @JsonProperty("violence") @Nullable Double violence,
        @JsonProperty("helpfulness") @Nullable Double helpfulness,
        @JsonProperty("spam") int spam,
        @JsonProperty("lang_mismach") int langMismach,
        @JsonProperty("not_appropriate") int notAppropriate,
        @JsonProperty("pii") int pii,
        @JsonProperty("hate_speech") int hateSpeech,
        @JsonProperty("sexual_content") int sexualContent,
        @JsonProperty("political_content") int politicalContent) {
    public TrollScore {
        Checks.notNull(user, "user");
    }
}
