package io.github.oasst.client.internal.codec;

import feign.Response;
import feign.codec.Decoder;
import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decodes 2xx bodies with the client's {@link JsonMapping}, streaming, in the charset the Content-Type names. An empty body,
 * JSON {@code null} (but for an {@code Optional}, which it makes empty), JSON of the wrong shape or a body that is not JSON raises {@link
 * OasstDecodeException} with an excerpt of the body; a body cut off by the network raises {@link
 * OasstTransportException} ({@code RESPONSE_TRUNCATED}). One reader per type, made at its first use;
 * the request's method and path are worked out only when a body cannot be decoded.
 */
public final class OasstDecoder implements Decoder {
    private final JsonMapping json;

    public OasstDecoder(JsonMapping json) {
        this.json = json;
    }

    @Override
    public Object decode(Response response, Type type) {
        String contentType = Http.header(response, "Content-Type");
        Response.Body body = response.body();
        if (body == null) {
            throw failure(response, contentType, "empty body", "", null);
        }
        Charset charset = Http.charset(contentType);
        // an Optional answer: JSON null is empty
        Type target = type instanceof ParameterizedType optional && optional.getRawType() == Optional.class
                ? optional.getActualTypeArguments()[0]
                : type;
        BoundedBody in = null;
        try {
            in = new BoundedBody(body.asInputStream(), OasstError.MAX_BODY_EXCERPT);
            Object value = charset.equals(StandardCharsets.UTF_8)
                    ? json.read(in, target)
                    : json.read(new InputStreamReader(in, charset), target);
            if (target != type) {
                return Optional.ofNullable(value);
            }
            if (value == null) {
                throw failure(response, contentType, "body is JSON null", in.head(charset), null);
            }
            return value;
        } catch (JsonFailure e) {
            String problem = switch (e.kind()) {
                case WRONG_SHAPE ->
                    in != null && in.bytesRead() == 0
                            ? "empty body"
                            : "not a " + simpleName(type) + ": " + e.getMessage();
                case TOO_LARGE ->
                    "body too large: more than " + JsonMapping.MAX_DOCUMENT_LENGTH / (1024 * 1024) + " MiB";
                case NOT_JSON, NOT_WRITABLE -> "not valid JSON for a " + simpleName(type) + ": " + e.getMessage();
            };
            throw failure(response, contentType, problem, in == null ? "" : in.head(charset), e.getCause());
        } catch (IOException e) {
            throw new OasstTransportException(
                    OasstTransportException.Kind.RESPONSE_TRUNCATED,
                    Http.method(response.request()),
                    Http.path(response.request()),
                    e);
        } finally {
            closeQuietly(body);
        }
    }

    private static void closeQuietly(Response.Body body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // OkHttp discards the connection; nothing to add to the result
        }
    }

    private static OasstDecodeException failure(
            Response response,
            @Nullable String contentType,
            String problem,
            String excerpt,
            @Nullable Throwable cause) {
        return new OasstDecodeException(
                response.status(),
                contentType,
                problem,
                Http.method(response.request()),
                Http.path(response.request()),
                excerpt,
                cause);
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c
                ? c.getSimpleName()
                : type.getTypeName().replaceAll("[\\w.]+\\.", "");
    }

    @Override
    public String toString() {
        return "OasstDecoder[" + json + "]";
    }
}
