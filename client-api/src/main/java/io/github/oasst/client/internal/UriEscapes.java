package io.github.oasst.client.internal;

/**
 * Percent-encoding of text values for a URL, exact: every UTF-8 byte of a character outside RFC
 * 3986's unreserved set ({@code A–Z a–z 0–9 - . _ ~}) becomes {@code %XX}, the {@code %} of the
 * value itself included. Feign passes such a value through unchanged (its encoder keeps values made
 * of unreserved characters and {@code %XX} only), so the server decodes exactly the caller's text.
 */
public final class UriEscapes {
    private static final String HEX = "0123456789ABCDEF";

    private UriEscapes() {}

    /**
     * The value, percent-encoded.
     *
     * @throws IllegalArgumentException when it is not valid Unicode (a lone surrogate), which has no
     *     UTF-8 form, or holds NUL (U+0000), which the OASST backend's database cannot hold (it answers
     *     500); the message names {@code what} and the index, never the value
     */
    public static String escape(String value, String what) {
        int n = value.length();
        int i = 0;
        while (i < n && unreserved(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            return value;
        }
        StringBuilder out = new StringBuilder(n + 16).append(value, 0, i);
        while (i < n) {
            char c = value.charAt(i);
            if (unreserved(c)) {
                out.append(c);
                i++;
                continue;
            }
            int codePoint;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                i += 2;
            } else if (c == 0) {
                throw new IllegalArgumentException(what + " must not contain NUL (U+0000), found at index " + i
                        + ": the OASST backend cannot store or look it up (it answers 500)");
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        what + " must be valid Unicode: a lone surrogate at index " + i + " has no UTF-8 form");
            } else {
                codePoint = c;
                i++;
            }
            utf8(codePoint, out);
        }
        return out.toString();
    }

    /** Whether the character is one of RFC 3986's unreserved characters, sent as it is. */
    static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static void utf8(int codePoint, StringBuilder out) {
        if (codePoint < 0x80) {
            percent(codePoint, out);
        } else if (codePoint < 0x800) {
            percent(0xC0 | (codePoint >> 6), out);
            percent(0x80 | (codePoint & 0x3F), out);
        } else if (codePoint < 0x10000) {
            percent(0xE0 | (codePoint >> 12), out);
            percent(0x80 | ((codePoint >> 6) & 0x3F), out);
            percent(0x80 | (codePoint & 0x3F), out);
        } else {
            percent(0xF0 | (codePoint >> 18), out);
            percent(0x80 | ((codePoint >> 12) & 0x3F), out);
            percent(0x80 | ((codePoint >> 6) & 0x3F), out);
            percent(0x80 | (codePoint & 0x3F), out);
        }
    }

    private static void percent(int octet, StringBuilder out) {
        out.append('%').append(HEX.charAt((octet >> 4) & 0xF)).append(HEX.charAt(octet & 0xF));
    }
}
