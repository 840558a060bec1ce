package io.github.oasst.client.internal.codec;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one ObjectMapper of the client, configured once. */
final class Json {
    /**
     * The largest 2xx body decoded (4 MiB); a larger one fails with {@code OasstDecodeException}
     * instead of filling the heap. OASST tasks are a few kilobytes.
     */
    static final long MAX_DOCUMENT_LENGTH = 4L * 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build());
    }

    private Json() {}
}
