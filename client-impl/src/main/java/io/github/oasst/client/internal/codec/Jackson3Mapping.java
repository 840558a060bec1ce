package io.github.oasst.client.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's JSON on Jackson 3, configured as {@link Jackson2Mapping} is (Jackson 3 changed some
 * defaults: properties are written in declaration order, a JSON {@code null} for a primitive is
 * read as its default), so that both send the same bytes and read the same values. Loaded only
 * when chosen: Jackson 3 is an optional dependency.
 */
public final class Jackson3Mapping implements JsonMapping {
    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final PerType<ObjectReader> readers = new PerType<>(type -> mapper.readerFor(mapper.constructType(type)));
    private final PerType<ObjectWriter> writers = new PerType<>(type -> mapper.writerFor(mapper.constructType(type)));

    @Override
    public byte[] write(Object value, Type type) {
        ObjectWriter writer = writers.get(type);
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new JsonFailure(JsonFailure.Kind.NOT_WRITABLE, e.getOriginalMessage(), e);
        }
    }

    @Override
    public @Nullable Object read(InputStream in, Type type) throws IOException {
        try {
            return readers.get(type).readValue(in);
        } catch (JacksonException e) {
            throw failure(e);
        }
    }

    @Override
    public @Nullable Object read(Reader in, Type type) throws IOException {
        try {
            return readers.get(type).readValue(in);
        } catch (JacksonException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<Object> readTree(String text) {
        try {
            return Optional.ofNullable(mapper.readValue(text, Object.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toJson(@Nullable Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            return String.valueOf(value);
        }
    }

    /**
     * Jackson 3's exceptions are unchecked: the stream's own failure (a connection reset or closed
     * while the body was read) comes wrapped, and is thrown as it is, since the body is not at fault.
     */
    private static JsonFailure failure(JacksonException e) throws IOException {
        IOException stream = PerType.streamFailure(e, JacksonException.class);
        if (stream != null) {
            throw stream;
        }
        JsonFailure.Kind kind = PerType.causedBy(e, StreamConstraintsException.class)
                ? JsonFailure.Kind.TOO_LARGE
                : e instanceof DatabindException ? JsonFailure.Kind.WRONG_SHAPE : JsonFailure.Kind.NOT_JSON;
        return new JsonFailure(kind, e.getOriginalMessage(), e);
    }

    @Override
    public String toString() {
        return "Jackson 3";
    }
}
