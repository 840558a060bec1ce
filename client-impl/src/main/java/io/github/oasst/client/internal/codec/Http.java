package io.github.oasst.client.internal.codec;

import feign.Request;
import feign.Response;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small HTTP helpers shared by the decoders and the exception translation. */
final class Http {
    private Http() {}

    static String method(@Nullable Request request) {
        return request == null ? "?" : request.httpMethod().name();
    }

    /** The request's path without query, so that nothing from a query string reaches a message. */
    static String path(@Nullable Request request) {
        if (request == null) {
            return "/";
        }
        try {
            String path = URI.create(request.url()).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            String url = request.url();
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }
    }

    static @Nullable String header(Response response, String name) {
        for (Map.Entry<String, Collection<String>> header : response.headers().entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                for (String value : header.getValue()) {
                    return value;
                }
            }
        }
        return null;
    }

    /** The charset the Content-Type names, UTF-8 when it names none or one the JVM lacks. */
    static Charset charset(@Nullable String contentType) {
        if (contentType != null && contentType.indexOf(';') >= 0) {
            for (String part : contentType.split(";")) {
                String param = part.trim();
                if (param.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = param.substring("charset=".length()).trim().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
