package io.github.oasst.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Decodes 2xx bodies with Jackson, streaming, in the charset the Content-Type names. An empty body,
 * JSON {@code null}, JSON of the wrong shape or a body that is not JSON raises {@link
 * OasstDecodeException} with an excerpt of the body; a body cut off by the network raises {@link
 * OasstTransportException} ({@code RESPONSE_TRUNCATED}).
 *
 * <p>Serves Feign ({@link #decode(Response, Type)}) and the client's direct calls ({@link
 * #decode(int, String, Body, Type, Origin)}) alike. The request's method and path are worked out
 * only when a body cannot be decoded.
 */
final class OasstDecoder implements Decoder {
    /**
     * Each thread's array for the start of the body it decodes, shown when decoding fails: one array
     * per thread instead of one per response.
     */
    private static final ThreadLocal<byte[]> HEADS =
            ThreadLocal.withInitial(() -> new byte[OasstError.MAX_BODY_EXCERPT]);

    private final ConcurrentMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    /** Where a response came from; asked only for the message of a failure. */
    interface Origin {
        String method();

        String path();
    }

    /** A response body: opened once, closed after decoding whatever happened. */
    interface Body extends Closeable {
        InputStream open() throws IOException;
    }

    @Override
    public Object decode(Response response, Type type) {
        Response.Body body = response.body();
        return decode(
                response.status(),
                Http.header(response, "Content-Type"),
                body == null ? null : new FeignBody(body),
                type,
                new FeignOrigin(response.request()));
    }

    /**
     * Decodes a 2xx body.
     *
     * @param body the body, null when the response has none
     */
    Object decode(int status, @Nullable String contentType, @Nullable Body body, Type type, Origin origin) {
        if (body == null) {
            throw new OasstDecodeException(status, contentType, "empty body", origin.method(), origin.path(), "", null);
        }
        Charset charset = Http.charset(contentType);
        ObjectReader reader = reader(type);
        BoundedBody in = null;
        try {
            in = new BoundedBody(body.open(), HEADS.get());
            Object value = charset.equals(StandardCharsets.UTF_8)
                    ? reader.readValue(in)
                    : reader.readValue(new InputStreamReader(in, charset));
            if (value == null) {
                throw new OasstDecodeException(
                        status,
                        contentType,
                        "body is JSON null",
                        origin.method(),
                        origin.path(),
                        in.head(charset),
                        null);
            }
            return value;
        } catch (MismatchedInputException e) {
            String excerpt = in == null ? "" : in.head(charset);
            String problem = in != null && in.bytesRead() == 0
                    ? "empty body"
                    : "not a " + simpleName(type) + ": " + e.getOriginalMessage();
            throw new OasstDecodeException(status, contentType, problem, origin.method(), origin.path(), excerpt, e);
        } catch (JsonProcessingException e) {
            String problem = tooLarge(e)
                    ? "body too large: more than " + Json.MAX_DOCUMENT_LENGTH / (1024 * 1024) + " MiB"
                    : "not valid JSON for a " + simpleName(type) + ": " + e.getOriginalMessage();
            throw new OasstDecodeException(
                    status,
                    contentType,
                    problem,
                    origin.method(),
                    origin.path(),
                    in == null ? "" : in.head(charset),
                    e);
        } catch (IOException e) {
            throw new OasstTransportException(
                    OasstTransportException.Kind.RESPONSE_TRUNCATED, origin.method(), origin.path(), e);
        } finally {
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection is discarded by OkHttp; nothing to report on top of the result
            }
        }
    }

    /** The reader of a type, made once per type. */
    ObjectReader reader(Type type) {
        ObjectReader reader = readers.get(type);
        if (reader == null) {
            reader = readers.computeIfAbsent(type, t -> Json.MAPPER.readerFor(Json.MAPPER.constructType(t)));
        }
        return reader;
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c
                ? c.getSimpleName()
                : type.getTypeName().replaceAll("[\\w.]+\\.", "");
    }

    private record FeignBody(Response.Body body) implements Body {
        @Override
        public InputStream open() throws IOException {
            return body.asInputStream();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private record FeignOrigin(@Nullable Request request) implements Origin {
        @Override
        public String method() {
            return Http.method(request);
        }

        @Override
        public String path() {
            return Http.path(request);
        }
    }
}
