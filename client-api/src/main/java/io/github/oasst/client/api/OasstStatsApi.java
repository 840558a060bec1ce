package io.github.oasst.client.api;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.AllCachedStats;
import io.github.oasst.client.data.CachedStats;
import io.github.oasst.client.data.CachedStatsName;
import io.github.oasst.client.data.SystemStats;
import io.github.oasst.client.data.TreeManagerStats;
import io.github.oasst.client.data.TreeMessageCountStats;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The backend's statistics ({@code /api/v1/stats/…}); they need a trusted key. All but {@link
 * #getStats} need servers from 2023-02 on.
 */
public interface OasstStatsApi {
    /** Message counts ({@code GET /api/v1/stats/}, with the trailing slash). */
    @RequestLine(value = "GET /api/v1/stats/", decodeSlash = false)
    SystemStats getStats();

    /** Message trees by state. */
    @RequestLine(value = "GET /api/v1/stats/tree_manager/state_counts", decodeSlash = false)
    Map<String, Integer> getTreeStateCounts();

    /** The message counts of the trees, of the active ones when {@code onlyActive}. */
    @RequestLine(value = "GET /api/v1/stats/tree_manager/message_counts?only_active={onlyActive}", decodeSlash = false)
    List<TreeMessageCountStats> getTreeMessageCounts(@Param("onlyActive") @Nullable Boolean onlyActive);

    @RequestLine(value = "GET /api/v1/stats/tree_manager", decodeSlash = false)
    TreeManagerStats getTreeManagerStats();

    @RequestLine(value = "GET /api/v1/stats/cached/{name}", decodeSlash = false)
    CachedStats getCachedStats(@Param("name") CachedStatsName name);

    @RequestLine(value = "GET /api/v1/stats/cached", decodeSlash = false)
    AllCachedStats getAllCachedStats();

    /** Recomputes the cached statistics (a moderator's); not repeated after a lost answer. */
    @RequestLine(value = "POST /api/v1/stats/cached/update", decodeSlash = false)
    void updateCachedStats();
}
