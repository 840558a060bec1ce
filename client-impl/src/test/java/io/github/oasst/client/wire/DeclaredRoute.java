package io.github.oasst.client.wire;

import feign.RequestLine;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The route a method's {@code @RequestLine} declares, and what a server makes of a request target
 * for it: the OASST backend (uvicorn and Starlette) percent-decodes the whole path before it
 * matches routes segment by segment, and reads the query as a form ({@code +} is a space). {@link
 * #match} does the same, strictly: a target on another route, with a segment more or less, a query
 * parameter the route does not declare, an escape that is not two hex digits or bytes that are not
 * UTF-8 is a mismatch.
 */
public final class DeclaredRoute {
    private final String method;
    private final List<String> segments;
    /** Query key on the wire to the template's variable name. */
    private final Map<String, String> query = new LinkedHashMap<>();

    private DeclaredRoute(String line) {
        String[] parts = line.split(" ", 2);
        this.method = parts[0];
        String target = parts[1];
        int question = target.indexOf('?');
        this.segments = List.of((question < 0 ? target : target.substring(0, question)).split("/", -1));
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                String[] keyValue = pair.split("=", 2);
                query.put(keyValue[0], keyValue[1].substring(1, keyValue[1].length() - 1));
            }
        }
    }

    /**
     * The route of the method's request line; a query object's fields are parameters of its query,
     * each under the snake_case form of its name ({@code maxCount}: {@code max_count}).
     */
    public static DeclaredRoute of(Method method) {
        DeclaredRoute route =
                new DeclaredRoute(method.getAnnotation(RequestLine.class).value());
        for (Slot slot : Slot.of(method)) {
            if (slot.inQueryObject()) {
                String key =
                        slot.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
                if (route.query.put(key, slot.name()) != null
                        || route.pathVariables().contains(slot.name())) {
                    throw new AssertionError(method + " declares " + slot.name() + " twice");
                }
            }
        }
        return route;
    }

    public String method() {
        return method;
    }

    /** What a server decodes of a request target: variable name to value; a mismatch throws. */
    public Map<String, String> match(String basePath, String target) {
        if (!target.startsWith(basePath)) {
            throw new AssertionError("the target " + target + " is not under " + basePath);
        }
        String rest = target.substring(basePath.length());
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> values = new LinkedHashMap<>();
        String[] sent = path.split("/", -1);
        if (sent.length != segments.size()) {
            throw new AssertionError("the path " + path + " has " + sent.length + " segments, the route "
                    + String.join("/", segments) + " has " + segments.size());
        }
        for (int i = 0; i < sent.length; i++) {
            String declared = segments.get(i);
            String decoded = decode(sent[i], false);
            if (declared.startsWith("{")) {
                values.put(declared.substring(1, declared.length() - 1), decoded);
            } else if (!decoded.equals(declared)) {
                throw new AssertionError("segment " + i + " is " + sent[i] + ", the route says " + declared);
            }
        }
        if (question >= 0 && question + 1 < rest.length()) {
            for (String pair : rest.substring(question + 1).split("&", -1)) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals), true);
                String variable = query.get(key);
                if (variable == null) {
                    throw new AssertionError("the query has " + key + ", which the route does not declare");
                }
                if (values.put(variable, decode(equals < 0 ? "" : pair.substring(equals + 1), true)) != null) {
                    throw new AssertionError("the query has " + key + " twice");
                }
            }
        }
        return values;
    }

    /** The variable names of the route's path. */
    public List<String> pathVariables() {
        List<String> names = new ArrayList<>();
        for (String segment : segments) {
            if (segment.startsWith("{")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    /** Percent-decoding as a server does it (a query also turns {@code +} into a space), strictly. */
    static String decode(String text, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new AssertionError("a '%' without two hex digits in " + text);
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new AssertionError("a '%' without two hex digits in " + text);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                throw new AssertionError("a raw character " + (int) c + " in " + text);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8 once decoded: " + text, e);
        }
    }
}
