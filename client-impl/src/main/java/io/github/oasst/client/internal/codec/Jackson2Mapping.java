package io.github.oasst.client.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client's JSON on Jackson 2: one mapper, a reader and a writer per type, each made at the
 * type's first use.
 */
public final class Jackson2Mapping implements JsonMapping {
    /** The one instance: its mapper, readers and writers serve every client. */
    public static final Jackson2Mapping INSTANCE = new Jackson2Mapping();

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final PerType<ObjectReader> readers = new PerType<>(type -> mapper.readerFor(mapper.constructType(type)));
    private final PerType<ObjectWriter> writers = new PerType<>(type -> mapper.writerFor(mapper.constructType(type)));

    private Jackson2Mapping() {}

    @Override
    public byte[] write(Object value, Type type) {
        ObjectWriter writer = writers.get(type);
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new JsonFailure(JsonFailure.Kind.NOT_WRITABLE, e.getOriginalMessage(), e);
        }
    }

    @Override
    public @Nullable Object read(InputStream in, Type type) throws IOException {
        try {
            return readers.get(type).readValue(in);
        } catch (JsonProcessingException e) {
            throw failure(e);
        }
    }

    @Override
    public @Nullable Object read(Reader in, Type type) throws IOException {
        try {
            return readers.get(type).readValue(in);
        } catch (JsonProcessingException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<Object> readTree(String text) {
        try {
            return Optional.ofNullable(mapper.readValue(text, Object.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toJson(@Nullable Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /**
     * What Jackson could not read: the stream's own failure (a connection reset or closed while the
     * body was read, which Jackson may wrap) is thrown as it is, since the body is not at fault.
     */
    private static JsonFailure failure(JsonProcessingException e) throws IOException {
        IOException stream = PerType.streamFailure(e, JsonProcessingException.class);
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
        return "Jackson 2";
    }
}
