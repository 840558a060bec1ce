package io.github.oasst.client.api;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of the client's unchecked exceptions; every failure of a call is one of its four kinds:
 * {@link OasstError} (the server answered with an error), {@link OasstTransportException} (the
 * network failed), {@link OasstDecodeException} (a 2xx body could not be decoded) and {@link
 * OasstUnexpectedTaskException} (a valid task of another type than asked).
 *
 * <p>Each names the request's method and path. When the call was retried, the exception is the last
 * attempt's and carries the earlier attempts' failures ({@link #earlierAttempts()}); {@link
 * #attempts()} counts them and the message lists them.
 */
public abstract class OasstException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private volatile List<OasstException> earlierAttempts = List.of();
    private volatile @Nullable String note;

    OasstException(String description, String method, String path, @Nullable Throwable cause) {
        super(description, cause);
        this.method = requireText(method, "method");
        this.path = requireText(path, "path");
    }

    private static String requireText(@Nullable String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /** The request's HTTP method, for example {@code POST}. */
    public final String method() {
        return method;
    }

    /** The request's path without the query, for example {@code /api/v1/tasks/}. */
    public final String path() {
        return path;
    }

    /** What this failure tells about the request's effect on the server. */
    public abstract FailureClass failureClass();

    /** Whether the request may have reached the server and been processed there. */
    public boolean mayHaveReachedServer() {
        return failureClass() != FailureClass.NOT_PROCESSED;
    }

    /** The description without method, path and attempts. */
    public final String description() {
        return super.getMessage();
    }

    /** The failures of the attempts before this one, oldest first; empty when not retried. */
    public final List<OasstException> earlierAttempts() {
        return earlierAttempts;
    }

    /**
     * Records the failures of the call's attempts before this one, oldest first: what a retrying
     * caller does when it gives up with this exception. Replaces an earlier record. The list may
     * hold this very exception (a call that failed with the same instance every time).
     */
    public final void recordEarlierAttempts(List<? extends OasstException> earlier) {
        this.earlierAttempts = List.copyOf(earlier);
    }

    /**
     * Whether the call may have taken effect on the server: this attempt's failure or an earlier
     * one's was {@link FailureClass#AMBIGUOUS}. A definite answer to a repeat (say, a refused
     * duplicate) does not undo an earlier attempt whose answer was lost.
     */
    public final boolean mayHaveTakenEffect() {
        if (failureClass() == FailureClass.AMBIGUOUS) {
            return true;
        }
        for (OasstException earlier : earlierAttempts) {
            if (earlier.failureClass() == FailureClass.AMBIGUOUS) {
                return true;
            }
        }
        return false;
    }

    /** What the caller that gave up with this exception adds about the call, if anything. */
    public final Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /**
     * Adds a note about the call to the message, for example why it was not repeated: what a
     * retrying caller does when it gives up with this exception. Replaces an earlier note.
     */
    public final void recordNote(String note) {
        this.note = note;
    }

    /** How many attempts the call made, this one included. */
    public final int attempts() {
        return earlierAttempts().size() + 1;
    }

    /**
     * The description, the request, when the call was retried the attempts, and the note if any:
     * {@code 503 SERVICE_UNAVAILABLE: … (POST /api/v1/tasks/; 3 attempts: 1) …; 2) …; 3) this)}.
     */
    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder(description())
                .append(" (")
                .append(method)
                .append(' ')
                .append(path);
        List<OasstException> earlier = earlierAttempts();
        if (!earlier.isEmpty()) {
            message.append("; ").append(earlier.size() + 1).append(" attempts:");
            int n = 1;
            for (OasstException attempt : earlier) {
                message.append(' ')
                        .append(n++)
                        .append(") ")
                        .append(attempt.description())
                        .append(';');
            }
            message.append(' ').append(n).append(") this");
        }
        String added = note;
        if (added != null) {
            message.append("; ").append(added);
        }
        return message.append(')').toString();
    }
}
