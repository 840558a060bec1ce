package io.github.oasst.client.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Encodes request bodies as UTF-8 JSON with the client's ObjectMapper: what feign-jackson's encoder
 * writes, with a writer made once per declared body type (feign-jackson makes one per call) and the
 * JSON written straight to bytes (feign-jackson writes a string, which Feign then encodes).
 */
public final class JsonEncoder implements Encoder {
    private final ConcurrentMap<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        ObjectWriter writer = writers.get(bodyType);
        if (writer == null) {
            writer = writers.computeIfAbsent(bodyType, type -> Json.MAPPER.writerFor(Json.MAPPER.constructType(type)));
        }
        try {
            template.body(writer.writeValueAsBytes(object), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new EncodeException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonEncoder";
    }
}
