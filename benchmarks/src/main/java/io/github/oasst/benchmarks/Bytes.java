package io.github.oasst.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The byte work {@link CannedServer} and {@link RawHttp} share: encoding a message once, and reading
 * a header's name and decimal value in place, without allocating.
 */
final class Bytes {
    private Bytes() {}

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Whether {@code bytes} holds {@code lowerCase} at {@code at}, ignoring the case of ASCII letters. */
    static boolean matchesIgnoreCase(byte[] bytes, int at, int limit, byte[] lowerCase) {
        if (at + lowerCase.length > limit) {
            return false;
        }
        for (int k = 0; k < lowerCase.length; k++) {
            byte b = bytes[at + k];
            if (b >= 'A' && b <= 'Z') {
                b = (byte) (b + ('a' - 'A'));
            }
            if (b != lowerCase[k]) {
                return false;
            }
        }
        return true;
    }

    /** The decimal number at {@code from}, after optional spaces; 0 when there is none. */
    static int number(byte[] bytes, int from, int limit) {
        int j = from;
        while (j < limit && bytes[j] == ' ') {
            j++;
        }
        int value = 0;
        while (j < limit && bytes[j] >= '0' && bytes[j] <= '9') {
            value = value * 10 + (bytes[j] - '0');
            j++;
        }
        return value;
    }
}
