package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Bytes.ascii;

/**
 * What the head of the last request a {@link CannedConnection} parsed says: where its body starts,
 * and the three headers that matter to {@link CannedServer}. A head is parsed in one pass over the
 * input array, looking only at the start of each header line.
 */
final class RequestHead {
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] API_KEY = ascii("x-api-key:");
    private static final byte[] CONNECTION_CLOSE = ascii("connection: close");

    int bodyStart;
    int contentLength;
    boolean hasApiKey;
    boolean connectionClose;

    /**
     * Finds the end of the head starting at {@code start} and reads the three headers that
     * matter; false while the head is incomplete.
     */
    boolean parse(byte[] bytes, int start, int limit) {
        contentLength = 0;
        hasApiKey = false;
        connectionClose = false;
        for (int i = start; i + 2 < limit; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int line = i + 1;
            byte first = bytes[line];
            if (first == '\r' && bytes[line + 1] == '\n') {
                bodyStart = line + 2;
                return true;
            }
            switch (first | 0x20) { // lower case
                case 'c' -> {
                    if (Bytes.matchesIgnoreCase(bytes, line, limit, CONTENT_LENGTH)) {
                        contentLength = Bytes.number(bytes, line + CONTENT_LENGTH.length, limit);
                    } else if (Bytes.matchesIgnoreCase(bytes, line, limit, CONNECTION_CLOSE)) {
                        connectionClose = true;
                    }
                }
                case 'x' -> hasApiKey |= Bytes.matchesIgnoreCase(bytes, line, limit, API_KEY);
                default -> {
                    // a header that does not matter here
                }
            }
        }
        return false;
    }
}
