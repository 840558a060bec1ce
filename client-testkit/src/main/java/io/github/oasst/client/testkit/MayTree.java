package io.github.oasst.client.testkit;

import java.util.Set;
import java.util.UUID;

/** The state of a message tree in the 2023-05 fake's tree manager. Guarded by the backend's lock. */
final class MayTree {
    static final String INITIAL_PROMPT_REVIEW = "initial_prompt_review";
    static final String GROWING = "growing";
    static final String RANKING = "ranking";
    static final String READY_FOR_SCORING = "ready_for_scoring";
    static final String READY_FOR_EXPORT = "ready_for_export";
    static final String ABORTED_LOW_GRADE = "aborted_low_grade";
    static final String HALTED_BY_MODERATOR = "halted_by_moderator";
    static final String PROMPT_LOTTERY_WAITING = "prompt_lottery_waiting";
    private static final Set<String> TERMINAL = Set.of(
            READY_FOR_EXPORT,
            ABORTED_LOW_GRADE,
            "scoring_failed",
            HALTED_BY_MODERATOR,
            "backlog_ranking",
            PROMPT_LOTTERY_WAITING);

    static final int GOAL_TREE_SIZE = 12;
    static final int MAX_DEPTH = 3;
    static final int MAX_CHILDREN = 3;

    final UUID id;
    final String lang;
    String state;
    boolean active;
    boolean wonLottery;

    MayTree(UUID id, String lang, String state) {
        this.id = id;
        this.lang = lang;
        enter(state);
    }

    /** Enters a state; a terminal one makes the tree inactive. */
    void enter(String next) {
        state = next;
        active = !TERMINAL.contains(next);
        if (next.equals(GROWING)) {
            wonLottery = true;
        }
    }
}
