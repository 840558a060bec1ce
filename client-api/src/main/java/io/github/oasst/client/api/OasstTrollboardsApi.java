package io.github.oasst.client.api;

import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.TimeFrame;
import io.github.oasst.client.data.TrollboardStats;
import org.jspecify.annotations.Nullable;

/** The trollboard ({@code /api/v1/trollboards/…}, servers from 2023-02 on): users whose activity points at abuse. */
public interface OasstTrollboardsApi {
    /** The trollboard of the time frame; {@code enabled} filters on whether the users are enabled. */
    @RequestLine(
            value = "GET /api/v1/trollboards/{timeFrame}?max_count={maxCount}&enabled={enabled}",
            decodeSlash = false)
    TrollboardStats getTrollboard(
            @Param("timeFrame") TimeFrame timeFrame,
            @Param("maxCount") @Nullable Integer maxCount,
            @Param("enabled") @Nullable Boolean enabled);
}
