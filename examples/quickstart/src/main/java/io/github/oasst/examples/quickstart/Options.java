package io.github.oasst.examples.quickstart;

import io.github.oasst.client.api.OasstServerVersion;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The main job's command line.
 *
 * @param help whether to print the usage and stop
 * @param rounds how many rounds to play, null for one (or, with a duration, as many as fit)
 * @param duration how long to play rounds back to back, null for no limit
 * @param faults the share of requests the embedded backend fails on purpose, null for none
 * @param seed the seed of those failures
 * @param embedded the version of the embedded backend
 */
record Options(
        boolean help,
        @Nullable Integer rounds,
        @Nullable Duration duration,
        @Nullable Double faults,
        long seed,
        OasstServerVersion embedded) {
    static final long DEFAULT_SEED = 1;

    static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: java -jar oasst-quickstart.jar [--rounds N] [--duration D] [--faults RATE [--seed S]]"
                    + " [--embedded 2023-01|2023-05]",
            "  Plays one round as an OASST frontend: every task type fetched, acknowledged and answered, one",
            "  task rejected. Set OASST_BACKEND_URL and OASST_API_KEY to use a backend; without",
            "  OASST_BACKEND_URL an embedded fake backend is started.",
            "  --rounds N      soak: play N rounds back to back, print progress and a final tally",
            "  --duration D    soak: play rounds for D (90s, 10m, 1h or PT10M), at most N with --rounds",
            "  --faults RATE   embedded backend only: fail this share of requests (0 to 1) as a faulty",
            "                  proxy does: refuse, 503, drop the answer, truncate the answer, equally often",
            "  --seed S        the seed of those faults (default " + DEFAULT_SEED + ")",
            "  --embedded V    the version of the embedded backend: 2023-01 (default) or 2023-05, the last",
            "                  published one",
            "Exit status: 0 all well, 1 some step failed, 2 configuration, 3 key refused, 4 backend unreachable.");

    /** Whether rounds are played back to back. */
    boolean soak() {
        return rounds != null || duration != null;
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} saying what is wrong. */
    static Options parse(String... args) {
        boolean help = false;
        Integer rounds = null;
        Duration duration = null;
        Double faults = null;
        Long seed = null;
        OasstServerVersion embedded = OasstServerVersion.V2023_01;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--rounds" -> rounds = positive(arg, value(args, ++i, arg));
                case "--duration" -> duration = duration(value(args, ++i, arg));
                case "--faults" -> faults = rate(value(args, ++i, arg));
                case "--seed" -> seed = number(arg, value(args, ++i, arg));
                case "--embedded" -> embedded = version(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (seed != null && faults == null) {
            throw new IllegalArgumentException("--seed goes with --faults");
        }
        return new Options(help, rounds, duration, faults, seed == null ? DEFAULT_SEED : seed, embedded);
    }

    private static OasstServerVersion version(String value) {
        return switch (value) {
            case "2023-01" -> OasstServerVersion.V2023_01;
            case "2023-05" -> OasstServerVersion.V2023_05;
            default -> throw new IllegalArgumentException("--embedded must be 2023-01 or 2023-05, got " + value);
        };
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String value) {
        long n = number(option, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be a positive number, got " + value);
        }
        return (int) n;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got " + value);
        }
    }

    private static double rate(String value) {
        double rate;
        try {
            rate = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("--faults must be a rate from 0 to 1, got " + value);
        }
        return rate;
    }

    /** A duration as {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601. */
    static Duration duration(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration duration = null;
        try {
            if (text.startsWith("pt")) {
                duration = Duration.parse(text);
            } else if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(
                    "--duration must be a positive duration such as 90s, 10m, 1h or PT10M, got " + value);
        }
        return duration;
    }
}
