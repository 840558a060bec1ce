package io.github.oasst.client.protocol;

import java.util.List;

/**
 * A task answered with a {@link MessageRanking}: order the {@linkplain #itemsToRank() items}, best
 * first, by giving their indexes.
 */
public sealed interface RankingTask extends Task permits RankInitialPromptsTask, RankRepliesTask {
    /** The texts to rank, in the order the ranking's indexes refer to. */
    List<String> itemsToRank();
}
