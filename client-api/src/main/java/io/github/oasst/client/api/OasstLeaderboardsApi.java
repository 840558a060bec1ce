package io.github.oasst.client.api;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.CreatorLeaderboard;
import io.github.oasst.client.data.LeaderboardStats;
import io.github.oasst.client.data.TimeFrame;
import org.jspecify.annotations.Nullable;

/**
 * Leaderboards ({@code /api/v1/leaderboards/…}, servers from 2023-02 on), and the 2023-01 backend's
 * experimental ones ({@code /api/v1/experimental/leaderboards/…}, which newer servers no longer have).
 */
public interface OasstLeaderboardsApi {
    /** The leaderboard of the time frame, its first {@code maxCount} lines. */
    @RequestLine(value = "GET /api/v1/leaderboards/{timeFrame}?max_count={maxCount}", decodeSlash = false)
    LeaderboardStats getLeaderboard(
            @Param("timeFrame") TimeFrame timeFrame, @Param("maxCount") @Nullable Integer maxCount);

    /**
     * Recomputes the leaderboard of the time frame (a moderator's): a long run, so not repeated after a
     * lost answer (the repeat would start a second one).
     */
    @RequestLine(value = "POST /api/v1/leaderboards/update/{timeFrame}", decodeSlash = false)
    void updateLeaderboard(@Param("timeFrame") TimeFrame timeFrame);

    /** Recomputes every leaderboard (a moderator's); not repeated after a lost answer. */
    @RequestLine(value = "POST /api/v1/leaderboards/update", decodeSlash = false)
    void updateLeaderboards();

    /** Who wrote the most assistant replies (the 2023-01 backend; needs a trusted key). */
    @RequestLine(value = "GET /api/v1/experimental/leaderboards/create/assistant", decodeSlash = false)
    CreatorLeaderboard getAssistantCreatorLeaderboard();

    /** Who wrote the most prompter messages (the 2023-01 backend; needs a trusted key). */
    @RequestLine(value = "GET /api/v1/experimental/leaderboards/create/prompter", decodeSlash = false)
    CreatorLeaderboard getPrompterCreatorLeaderboard();
}
