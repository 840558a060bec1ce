package io.github.oasst.client.internal.codec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * An input stream that keeps a copy of the first bytes read through it, so that a body that fails to
 * decode can be shown in the exception without buffering all of it.
 */
final class BoundedBody extends FilterInputStream {
    private final byte[] head;
    private int headLength;
    private long total;

    BoundedBody(InputStream in, int keep) {
        super(in);
        this.head = new byte[keep];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            total++;
            if (headLength < head.length) {
                head[headLength++] = (byte) b;
            }
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            keep(buffer, offset, n);
        }
        return n;
    }

    private void keep(byte[] buffer, int offset, int n) {
        total += n;
        int room = head.length - headLength;
        if (room > 0) {
            int copy = Math.min(room, n);
            System.arraycopy(buffer, offset, head, headLength, copy);
            headLength += copy;
        }
    }

    /** Bytes read so far. */
    long bytesRead() {
        return total;
    }

    /** The kept start of the body, decoded. */
    String head(Charset charset) {
        return new String(head, 0, headLength, charset);
    }
}
