package io.github.oasst.client.internal.http;

/** Checks for values that go into HTTP headers, so that no header can be injected or rejected late. */
public final class HeaderValues {
    private HeaderValues() {}

    /**
     * Requires a non-blank value of printable ASCII (space to tilde) without surrounding
     * whitespace. The message never repeats the value: it may be a secret.
     */
    public static String check(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(
                        name + " must not contain control characters (CR, LF, …); found one at index " + i);
            }
            if (c > 0x7e) {
                throw new IllegalArgumentException(
                        name + " must be printable ASCII; found another character at index " + i);
            }
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(name + " must not start or end with whitespace");
        }
        return value;
    }
}
