package io.github.oasst.contract;

import static io.github.oasst.contract.Fixtures.MESSAGE_ID;

import io.github.oasst.client.data.CachedStatsName;
import io.github.oasst.client.data.TimeFrame;
import java.util.List;

/**
 * The cases of {@code OasstStatsApi}, {@code OasstLeaderboardsApi}, {@code OasstTrollboardsApi},
 * {@code OasstTextLabelsApi} and {@code OasstHuggingFaceApi}.
 */
final class BoardCases {
    private BoardCases() {}

    static List<DataCase> all() {
        return List.of(
                DataCase.of("GET /api/v1/stats/", (data, schema) -> data.stats().getStats()),
                DataCase.of(
                        "GET /api/v1/stats/tree_manager/state_counts",
                        (data, schema) -> data.stats().getTreeStateCounts()),
                DataCase.of(
                        "GET /api/v1/stats/tree_manager/message_counts",
                        (data, schema) -> data.stats().getTreeMessageCounts(true)),
                DataCase.of(
                        "GET /api/v1/stats/tree_manager",
                        (data, schema) -> data.stats().getTreeManagerStats()),
                DataCase.of(
                        "GET /api/v1/stats/cached/{name}",
                        (data, schema) -> data.stats().getCachedStats(CachedStatsName.HUMAN_MESSAGES_BY_LANG)),
                DataCase.of(
                        "GET /api/v1/stats/cached",
                        (data, schema) -> data.stats().getAllCachedStats()),
                DataCase.ofVoid(
                        "POST /api/v1/stats/cached/update",
                        (data, schema) -> data.stats().updateCachedStats()),
                DataCase.of(
                        "GET /api/v1/leaderboards/{time_frame}",
                        (data, schema) -> data.leaderboards().getLeaderboard(TimeFrame.DAY, 20)),
                DataCase.ofVoid(
                        "POST /api/v1/leaderboards/update/{time_frame}",
                        (data, schema) -> data.leaderboards().updateLeaderboard(TimeFrame.TOTAL)),
                DataCase.ofVoid(
                        "POST /api/v1/leaderboards/update",
                        (data, schema) -> data.leaderboards().updateLeaderboards()),
                DataCase.of(
                        "GET /api/v1/experimental/leaderboards/create/assistant",
                        (data, schema) -> data.leaderboards().getAssistantCreatorLeaderboard()),
                DataCase.of(
                        "GET /api/v1/experimental/leaderboards/create/prompter",
                        (data, schema) -> data.leaderboards().getPrompterCreatorLeaderboard()),
                DataCase.of(
                        "GET /api/v1/trollboards/{time_frame}",
                        (data, schema) -> data.trollboards().getTrollboard(TimeFrame.WEEK, 15, true)),
                DataCase.ofVoid(
                        "POST /api/v1/text_labels/",
                        (data, schema) -> data.textLabels().labelText(DataFixtures.textLabels())),
                DataCase.of(
                        "GET /api/v1/text_labels/valid_labels",
                        (data, schema) -> data.textLabels().getValidLabels(MESSAGE_ID)),
                DataCase.of(
                        "GET /api/v1/text_labels/report_labels",
                        (data, schema) -> data.textLabels().getReportLabels()),
                DataCase.of(
                        "GET /api/v1/hf/text_toxicity",
                        (data, schema) -> data.huggingFace().getTextToxicity("you are a wonderful assistant")));
    }
}
