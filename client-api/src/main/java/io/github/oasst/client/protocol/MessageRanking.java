package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.oasst.client.internal.Checks;
import java.util.BitSet;
import java.util.List;

/**
 * The user's ranking answering a {@link RankingTask}: the indexes of {@link
 * RankingTask#itemsToRank()}, best first, each exactly once.
 *
 * @param user the user who ranked
 * @param messageId the frontend message id the task was acknowledged with; not blank
 * @param ranking the indexes, best first; not empty, none negative, none twice
 */
@JsonPropertyOrder({"type", "user", "message_id", "ranking"})
public record MessageRanking(
        @JsonProperty("user") User user,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("ranking") List<Integer> ranking)
        implements Interaction {
    public static final String TYPE = "message_ranking";

    public MessageRanking {
        Checks.notNull(user, "user");
        Checks.notBlank(messageId, "message id");
        ranking = Checks.listOrEmpty(Checks.notNull(ranking, "ranking"), "ranking");
        if (ranking.isEmpty()) {
            throw new IllegalArgumentException("ranking must not be empty");
        }
        BitSet seen = new BitSet();
        for (int index : ranking) {
            if (index < 0) {
                throw new IllegalArgumentException("ranking holds a negative index: " + ranking);
            }
            if (seen.get(index)) {
                throw new IllegalArgumentException("ranking holds index " + index + " twice: " + ranking);
            }
            seen.set(index);
        }
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
