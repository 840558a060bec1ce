package io.github.oasst.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import feign.Response;
import feign.codec.Decoder;
import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decodes 2xx bodies with Jackson, streaming, in the charset the Content-Type names. An empty body,
 * JSON {@code null}, JSON of the wrong shape or a body that is not JSON raises {@link
 * OasstDecodeException} with an excerpt of the body; a body cut off by the network raises {@link
 * OasstTransportException} ({@code RESPONSE_TRUNCATED}).
 */
final class OasstDecoder implements Decoder {
    private final ConcurrentMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    @Override
    public Object decode(Response response, Type type) {
        String method = Http.method(response.request());
        String path = Http.path(response.request());
        String contentType = Http.header(response, "Content-Type");
        Response.Body body = response.body();
        if (body == null) {
            throw new OasstDecodeException(response.status(), contentType, "empty body", method, path, "", null);
        }
        Charset charset = Http.charset(contentType);
        ObjectReader reader = readers.computeIfAbsent(type, t -> Json.MAPPER.readerFor(Json.MAPPER.constructType(t)));
        BoundedBody in = null;
        try {
            in = new BoundedBody(body.asInputStream(), OasstError.MAX_BODY_EXCERPT);
            Object value = charset.equals(StandardCharsets.UTF_8)
                    ? reader.readValue(in)
                    : reader.readValue(new InputStreamReader(in, charset));
            if (value == null) {
                throw new OasstDecodeException(
                        response.status(), contentType, "body is JSON null", method, path, in.head(charset), null);
            }
            return value;
        } catch (MismatchedInputException e) {
            String excerpt = in == null ? "" : in.head(charset);
            String problem = in != null && in.bytesRead() == 0
                    ? "empty body"
                    : "not a " + simpleName(type) + ": " + e.getOriginalMessage();
            throw new OasstDecodeException(response.status(), contentType, problem, method, path, excerpt, e);
        } catch (JsonProcessingException e) {
            String problem = tooLarge(e)
                    ? "body too large: more than " + Json.MAX_DOCUMENT_LENGTH / (1024 * 1024) + " MiB"
                    : "not valid JSON for a " + simpleName(type) + ": " + e.getOriginalMessage();
            throw new OasstDecodeException(
                    response.status(), contentType, problem, method, path, in == null ? "" : in.head(charset), e);
        } catch (IOException e) {
            throw new OasstTransportException(OasstTransportException.Kind.RESPONSE_TRUNCATED, method, path, e);
        } finally {
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection is discarded by OkHttp; nothing to report on top of the result
            }
        }
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
}
