package io.github.oasst.client.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * One JSON library as the client's encoder and decoders use it: Jackson 2 ({@link
 * Jackson2Mapping}) or Jackson 3 ({@link Jackson3Mapping}), each configured alike: unknown
 * properties ignored, trailing tokens refused, documents of at most {@link #MAX_DOCUMENT_LENGTH}
 * bytes, properties written in declaration order. Thread-safe.
 */
public interface JsonMapping {
    /**
     * The largest body decoded (4 MiB); a larger one fails with {@code OasstDecodeException} instead
     * of filling the heap. OASST tasks are a few kilobytes.
     */
    long MAX_DOCUMENT_LENGTH = 4L * 1024 * 1024;

    /**
     * Writes a value of the declared type as UTF-8 JSON.
     *
     * @throws JsonFailure when the value cannot be written
     */
    byte[] write(Object value, Type type);

    /**
     * Reads a value of the type from UTF-8 JSON.
     *
     * @throws IOException when the stream fails
     * @throws JsonFailure when the JSON is not of the type, not JSON, or too large
     */
    @Nullable
    Object read(InputStream in, Type type) throws IOException;

    /** Reads a value of the type from JSON in another charset; as {@link #read(InputStream, Type)}. */
    @Nullable
    Object read(Reader in, Type type) throws IOException;

    /**
     * Any JSON as plain Java values ({@code Map}, {@code List}, {@code String}, {@code Number},
     * {@code Boolean}, null), or empty when the text is not JSON.
     */
    java.util.Optional<Object> readTree(String text);

    /** A plain Java value (as {@link #readTree} makes them) as JSON text. */
    String toJson(@Nullable Object value);
}
