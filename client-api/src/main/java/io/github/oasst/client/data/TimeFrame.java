package io.github.oasst.client.data;

import java.util.Locale;

/** A leaderboard's or a user's stats' time frame; sent as {@code day}, {@code week}, … */
public enum TimeFrame {
    DAY,
    WEEK,
    MONTH,
    TOTAL;

    /** As the path writes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
