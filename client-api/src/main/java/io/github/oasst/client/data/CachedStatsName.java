package io.github.oasst.client.data;

import java.util.Locale;

/** The name of a cached statistic, as the path writes it ({@code human_messages_by_lang}, …). */
public enum CachedStatsName {
    HUMAN_MESSAGES_BY_LANG,
    HUMAN_MESSAGES_BY_ROLE,
    MESSAGE_TREES_BY_STATE,
    MESSAGE_TREES_STATES_BY_LANG,
    USERS_ACCEPTED_TOS;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
