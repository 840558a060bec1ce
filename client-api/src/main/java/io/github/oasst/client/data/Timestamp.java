package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.oasst.client.internal.Checks;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A date and time as the backend writes it: ISO 8601, with an offset or, as the 2023-01 backend
 * writes {@code created_date}, without one ({@code 2026-12-01T08:04:48.233115}), which is UTC. Kept
 * as sent; {@link #instant()} reads it.
 *
 * @param text the text
 */
public record Timestamp(@JsonValue String text) {
    @JsonCreator
    public Timestamp {
        Checks.notBlank(text, "timestamp");
    }

    /** The instant, a value without offset taken as UTC. */
    public Instant instant() {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    /** The instant as the backend writes a timestamp without offset: UTC, ISO 8601. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
