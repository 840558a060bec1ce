package io.github.oasst.client.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.data.ValidLabels;
import io.github.oasst.client.protocol.TextLabels;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Labels of texts outside a task ({@code /api/v1/text_labels/…}). */
public interface OasstTextLabelsApi {
    /**
     * Labels a message ({@code POST /api/v1/text_labels/}; answered 204). Never repeated after a lost
     * answer: the backend stores labels sent twice twice. The 2023-01 backend answers an unknown
     * message with 400 and no OASST code.
     */
    @RequestLine(value = "POST /api/v1/text_labels/", decodeSlash = false)
    @Headers("Content-Type: application/json")
    void labelText(TextLabels labels);

    /** The labels a frontend may offer, for the message when not null (servers from 2023-02 on). */
    @RequestLine(value = "GET /api/v1/text_labels/valid_labels?message_id={messageId}", decodeSlash = false)
    ValidLabels getValidLabels(@Param("messageId") @Nullable UUID messageId);

    /** The labels a frontend may offer to report a message (servers from 2023-02 on). */
    @RequestLine(value = "GET /api/v1/text_labels/report_labels", decodeSlash = false)
    ValidLabels getReportLabels();
}
