package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A user's score and counts in one time frame: a leaderboard line or a user's stats. Servers from
 * 2023-02 on.
 *
 * @param user whom the line is about, and its place
 * @param leaderScore the count of the score
 * @param level the count of the level the score reached
 * @param baseDate the count of the start of the time frame
 * @param modifiedDate the count of when the line was computed
 * @param prompts the count of prompts
 * @param repliesAssistant the count of replies assistant
 * @param repliesPrompter the count of replies prompter
 * @param labelsSimple the count of labels simple
 * @param labelsFull the count of labels full
 * @param rankingsTotal the count of rankings total
 * @param rankingsGood the count of rankings good
 * @param acceptedPrompts the count of accepted prompts
 * @param acceptedRepliesAssistant the count of accepted replies assistant
 * @param acceptedRepliesPrompter the count of accepted replies prompter
 * @param replyRanked1 the count of reply ranked 1
 * @param replyRanked2 the count of reply ranked 2
 * @param replyRanked3 the count of reply ranked 3
 * @param streakLastDayDate the count of the last day of the streak
 * @param streakDays the count of days of activity in a row
 * @param lastActivityDate the count of when the user was last active
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserScore(
        @JsonUnwrapped RankedUser user,
        @JsonProperty("leader_score") int leaderScore,
        @JsonProperty("level") int level,
        @JsonProperty("base_date") @Nullable Timestamp baseDate,
        @JsonProperty("modified_date") @Nullable Timestamp modifiedDate,
        @JsonProperty("prompts") int prompts,
        @JsonProperty("replies_assistant") int repliesAssistant,
        @JsonProperty("replies_prompter") int repliesPrompter,
        @JsonProperty("labels_simple") int labelsSimple,
        @JsonProperty("labels_full") int labelsFull,
        @JsonProperty("rankings_total") int rankingsTotal,
        @JsonProperty("rankings_good") int rankingsGood,
        @JsonProperty("accepted_prompts") int acceptedPrompts,
        @JsonProperty("accepted_replies_assistant") int acceptedRepliesAssistant,
        @JsonProperty("accepted_replies_prompter") int acceptedRepliesPrompter,
        @JsonProperty("reply_ranked_1") int replyRanked1,
        @JsonProperty("reply_ranked_2") int replyRanked2,
        @JsonProperty("reply_ranked_3") int replyRanked3,
        @JsonProperty("streak_last_day_date") @Nullable Timestamp streakLastDayDate,
        @JsonProperty("streak_days") @Nullable Integer streakDays,
        @JsonProperty("last_activity_date") @Nullable Timestamp lastActivityDate) {
    public UserScore {
        Checks.notNull(user, "user");
    }
}
