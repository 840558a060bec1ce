package io.github.oasst.client.internal.codec;

import feign.Response;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns every non-2xx response into an {@link OasstError}: OASST's {@code {"error_code",
 * "message"}}, FastAPI's 422 {@code {"detail": [...]}} made readable, a string {@code detail} (405),
 * and any other body (an HTML page from a proxy) as a bounded excerpt. It reads at most {@value
 * #MAX_BODY_READ} bytes of the body, so a huge error page costs no more than that. A body cut short
 * before it says which error it is makes an {@link OasstTransportException} of kind {@code
 * RESPONSE_TRUNCATED} instead: only asking again can tell.
 */
public final class OasstErrorDecoder implements ErrorDecoder {
    /** The most bytes of an error body read. */
    public static final int MAX_BODY_READ = 64 * 1024;

    /** The most 422 details put in the message; {@link OasstError#validationErrors()} has them all. */
    private static final int MAX_DETAILS_IN_MESSAGE = 3;

    private static final Pattern RATE_LIMIT_MESSAGE =
            Pattern.compile("Retry After (\\d+(?:\\.\\d+)?) seconds", Pattern.CASE_INSENSITIVE);

    private final Clock clock;

    private final JsonMapping json;

    public OasstErrorDecoder(JsonMapping json) {
        this(json, Clock.systemUTC());
    }

    public OasstErrorDecoder(JsonMapping json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public OasstException decode(String methodKey, Response response) {
        String method = Http.method(response.request());
        String path = Http.path(response.request());
        String contentType = Http.header(response, "Content-Type");
        Charset charset = Http.charset(contentType);
        Body body = read(response);
        String text = new String(body.bytes, charset);
        Map<?, ?> fields = parse(text) instanceof Map<?, ?> map ? map : null;
        if (body.cut != null && fields == null) {
            // which error it was is lost with the rest of the body: known only by asking again
            return new OasstTransportException(
                    OasstTransportException.Kind.RESPONSE_TRUNCATED,
                    "a " + response.status() + " answer cut after " + body.bytes.length + " bytes",
                    method,
                    path,
                    body.cut);
        }

        Integer errorCode = null;
        String message = null;
        List<String> validationErrors = List.of();
        if (fields != null) {
            Object code = fields.get("error_code");
            if (isInt(code)) {
                errorCode = ((Number) code).intValue();
                Object msg = fields.get("message");
                message = msg == null ? "" : msg instanceof String string ? string : json.toJson(msg);
            }
            Object detail = fields.get("detail");
            if (errorCode == null && detail != null) {
                if (detail instanceof List<?> details) {
                    validationErrors = validationErrors(details);
                    message = summarize(validationErrors);
                } else if (detail instanceof String string) {
                    message = response.status() == 404 && string.equals("Not Found")
                            ? "Not Found: the server has no such operation (a backend older than the"
                                    + " operation, or a wrong base URL)"
                            : string;
                }
            }
        }
        if (message == null) {
            message = describeOther(response, contentType, text, body);
        } else if (body.problem != null) {
            message = message + " (" + body.problem + ")";
        }
        return new OasstError(
                response.status(),
                errorCode,
                message,
                method,
                path,
                text,
                validationErrors,
                retryAfter(response, message));
    }

    private static String describeOther(Response response, @Nullable String contentType, String text, Body body) {
        StringBuilder description = new StringBuilder();
        int status = response.status();
        if (status >= 300 && status < 400) {
            String location = Http.header(response, "Location");
            description.append("redirect");
            if (location != null) {
                description.append(" to ").append(withoutQuery(location));
            }
            description.append(" not followed (check the base URL; the tasks endpoint needs its trailing slash)");
        } else if (text.isBlank()) {
            description.append("empty body");
        } else {
            description.append(looksLikeJson(text) ? "unexpected JSON body" : "non-JSON body");
            if (contentType != null) {
                description.append(" (").append(contentType).append(')');
            }
            String collapsed = text.strip().replaceAll("\\s+", " ");
            description.append(": ").append(collapsed.length() > 200 ? collapsed.substring(0, 200) + "…" : collapsed);
        }
        if (body.problem != null) {
            description.append(" (").append(body.problem).append(')');
        }
        return description.toString();
    }

    private static String withoutQuery(String location) {
        int query = location.indexOf('?');
        return query < 0 ? location : location.substring(0, query);
    }

    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private @Nullable Object parse(String text) {
        return looksLikeJson(text) ? json.readTree(text).orElse(null) : null;
    }

    /** Whether a JSON value is an integer that fits an {@code int}. */
    private static boolean isInt(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return true;
        }
        if (value instanceof Long number) {
            return number == number.intValue();
        }
        return value instanceof BigInteger number && number.bitLength() < 32;
    }

    private List<String> validationErrors(List<?> details) {
        List<String> errors = new ArrayList<>();
        for (Object item : details) {
            Map<?, ?> fields = item instanceof Map<?, ?> map ? map : Map.of();
            StringBuilder line = new StringBuilder();
            if (fields.get("loc") instanceof List<?> loc) {
                for (Object part : loc) {
                    if (line.length() > 0) {
                        line.append('.');
                    }
                    line.append(text(part));
                }
            }
            Object msg = fields.get("msg");
            if (line.length() > 0) {
                line.append(": ");
            }
            line.append(msg == null ? json.toJson(item) : text(msg));
            errors.add(line.toString());
        }
        return List.copyOf(errors);
    }

    /** A scalar as its text, anything else as its JSON. */
    private String text(@Nullable Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? value.toString()
                : json.toJson(value);
    }

    /**
     * The details worth reading first. For a union such as an interaction, FastAPI reports every
     * alternative that did not match ("unexpected value; permitted: …", "field required"); those go
     * last, and duplicates once.
     */
    private static String summarize(List<String> errors) {
        if (errors.isEmpty()) {
            return "validation failed";
        }
        Set<String> specific = new LinkedHashSet<>();
        Set<String> generic = new LinkedHashSet<>();
        for (String error : errors) {
            if (error.contains("unexpected value; permitted:") || error.endsWith(": field required")) {
                generic.add(error);
            } else {
                specific.add(error);
            }
        }
        List<String> ordered = new ArrayList<>(specific);
        ordered.addAll(generic);
        StringBuilder summary = new StringBuilder();
        int shown = Math.min(ordered.size(), MAX_DETAILS_IN_MESSAGE);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                summary.append("; ");
            }
            summary.append(ordered.get(i));
        }
        if (ordered.size() > shown) {
            summary.append(" (and ").append(ordered.size() - shown).append(" more)");
        }
        return summary.toString();
    }

    /** {@code Retry-After} in seconds or as an HTTP date; else OASST's rate-limit message. */
    @Nullable
    Duration retryAfter(Response response, String message) {
        String header = Http.header(response, "Retry-After");
        if (header != null) {
            String value = header.trim();
            try {
                long seconds = Long.parseLong(value);
                return seconds < 0 ? null : Duration.ofSeconds(seconds);
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return wait.isNegative() ? Duration.ZERO : wait;
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
        Matcher matcher = RATE_LIMIT_MESSAGE.matcher(message);
        if (matcher.find()) {
            double seconds = Double.parseDouble(matcher.group(1));
            return Duration.ofMillis((long) Math.ceil(seconds * 1000));
        }
        return null;
    }

    /**
     * @param problem what went wrong reading it, for the message
     * @param cut the failure that cut it short, if one did
     */
    private record Body(
            byte[] bytes,
            @Nullable String problem,
            @Nullable IOException cut) {}

    /** Reads at most {@link #MAX_BODY_READ} bytes; an I/O failure keeps what was read. */
    private static Body read(Response response) {
        Response.Body body = response.body();
        if (body == null) {
            return new Body(new byte[0], null, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String problem = null;
        IOException cut = null;
        try (InputStream in = body.asInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while (out.size() < MAX_BODY_READ
                    && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY_READ - out.size()))) > 0) {
                out.write(buffer, 0, n);
            }
            if (out.size() >= MAX_BODY_READ && in.read() >= 0) {
                problem = "body longer than " + MAX_BODY_READ / 1024 + " KiB, only its start was read";
            }
        } catch (IOException e) {
            cut = e;
            problem = "body incomplete: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new Body(out.toByteArray(), problem, cut);
    }
}
