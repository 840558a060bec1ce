package io.github.oasst.client.testkit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-05 fake's time: its clock (replaceable, to replay recorded state), every instant in UTC
 * with microseconds and strictly increasing, as PostgreSQL stores them; and Python's {@code
 * isoformat()} and {@code fromisoformat()}. Guarded by the backend's lock.
 */
final class MayTime {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    /** What Python 3.10's {@code datetime.fromisoformat} reads. */
    private static final Pattern FROM_ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})"
            + "(?:.(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{3}|\\d{6}))?)?)?"
            + "(?:([+-])(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{6}))?)?)?)?");

    private Clock clock = Clock.systemUTC();
    private OffsetDateTime last = OffsetDateTime.MIN;

    void clock(Clock clock) {
        this.clock = clock;
        last = OffsetDateTime.MIN;
    }

    /** Now, in microseconds, after every instant handed out before. */
    OffsetDateTime now() {
        OffsetDateTime now =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        return last;
    }

    /** Python's {@code isoformat()} of a UTC instant: {@code 2026-12-03T08:03:32.314595+00:00}. */
    static String iso(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        String text = ISO.format(utc);
        return (utc.getNano() == 0 ? text.substring(0, text.indexOf('.')) : text) + "+00:00";
    }

    /** JSON's null or the instant in Python's {@code isoformat()}. */
    static @Nullable String isoOrNull(@Nullable OffsetDateTime time) {
        return time == null ? null : iso(time);
    }

    /**
     * Python 3.10's {@code datetime.fromisoformat}, a naive value taken as UTC; null when it refuses
     * the text.
     */
    static @Nullable OffsetDateTime fromIso(String text) {
        Matcher m = FROM_ISO.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(number(m.group(1)), number(m.group(2)), number(m.group(3)));
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "000").substring(0, 6);
            LocalDateTime local = date.atTime(
                    number(m.group(4)), number(m.group(5)), number(m.group(6)), Integer.parseInt(fraction) * 1000);
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(8) != null) {
                int seconds = number(m.group(9)) * 3600 + number(m.group(10)) * 60 + number(m.group(11));
                offset = ZoneOffset.ofTotalSeconds(m.group(8).equals("-") ? -seconds : seconds);
            }
            return OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int number(@Nullable String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
