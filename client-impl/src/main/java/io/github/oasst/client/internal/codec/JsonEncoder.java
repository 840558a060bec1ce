package io.github.oasst.client.internal.codec;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Encodes request bodies as UTF-8 JSON with the client's {@link JsonMapping}: what feign-jackson's
 * encoder writes, with a writer made once per declared body type (feign-jackson makes one per call)
 * and the JSON written straight to bytes (feign-jackson writes a string, which Feign then encodes).
 */
public final class JsonEncoder implements Encoder {
    private final JsonMapping json;

    public JsonEncoder(JsonMapping json) {
        this.json = json;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        try {
            template.body(json.write(object, bodyType), StandardCharsets.UTF_8);
        } catch (JsonFailure e) {
            throw new EncodeException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonEncoder[" + json + "]";
    }
}
