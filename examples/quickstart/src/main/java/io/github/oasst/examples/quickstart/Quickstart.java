package io.github.oasst.examples.quickstart;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstClientBuilder;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.oasst.client.testkit.ConnectionFault;
import io.github.oasst.client.testkit.ConnectionFaults;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.examples.quickstart.Step.Outcome;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The main job: plays a round as an OASST frontend would (or, with {@code --rounds} or {@code
 * --duration}, rounds back to back), against {@code OASST_BACKEND_URL} with {@code OASST_API_KEY},
 * or, when no URL is set, against a fake backend it embeds.
 *
 * <p>Exit status: 0 when every step went through (task types the server does not serve are
 * reported, not fatal); 1 when a step failed or its answer's fate is uncertain; 2 on a configuration
 * error; 3 when the server refused the API key; 4 when the backend was unreachable for {@value
 * FrontendRound#UNREACHABLE_STEPS} steps in a row.
 */
public final class Quickstart {
    static final int OK = 0;
    static final int STEP_FAILED = 1;
    static final int CONFIGURATION = 2;
    static final int AUTHENTICATION = 3;
    static final int NETWORK = 4;

    /** The faults {@code --faults} injects: what a faulty proxy in front of a backend does. */
    static final Set<ConnectionFault> FAULTS = EnumSet.of(
            ConnectionFault.REFUSE,
            ConnectionFault.SERVICE_UNAVAILABLE,
            ConnectionFault.DROP_ANSWER,
            ConnectionFault.TRUNCATE_ANSWER);

    private Quickstart() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args, System.out, System.err));
    }

    /** Runs the main job; returns the exit status. */
    static int run(Map<String, String> environment, String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("oasst-quickstart: " + e.getMessage());
            err.println(Options.USAGE);
            return CONFIGURATION;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return OK;
        }
        String url = blankToNull(environment.get(OasstClient.ENV_BACKEND_URL));
        String key = blankToNull(environment.get(OasstClient.ENV_API_KEY));
        if (url != null && key == null) {
            err.println("oasst-quickstart: " + OasstClient.ENV_API_KEY + " is not set; it is required with "
                    + OasstClient.ENV_BACKEND_URL);
            return CONFIGURATION;
        }
        if (url != null && (options.faults() != null || options.embedded() != OasstServerVersion.V2023_01)) {
            err.println("oasst-quickstart: --faults and --embedded apply to the embedded backend only; unset "
                    + OasstClient.ENV_BACKEND_URL + " to use them");
            return CONFIGURATION;
        }
        try (FakeOasstBackend embedded = url == null ? embedded(options) : null) {
            if (embedded != null) {
                url = embedded.baseUrl();
                key = embedded.apiKey();
                out.println("No " + OasstClient.ENV_BACKEND_URL + " set: using an embedded fake OASST backend ("
                        + versionName(embedded.serverVersion()) + ") at " + url + " (set " + OasstClient.ENV_BACKEND_URL
                        + " and " + OasstClient.ENV_API_KEY + " to use a real one)");
                embedded.connectionFaults()
                        .ifPresent(faults -> out.printf(
                                Locale.ROOT,
                                "It fails %.0f %% of requests on purpose (%s, equally often; seed %d)%n",
                                faults.rate() * 100,
                                String.join(
                                                ", ",
                                                FAULTS.stream().map(Enum::name).toList())
                                        .toLowerCase(Locale.ROOT),
                                options.seed()));
            }
            Tally tally = new Tally();
            OasstClient client;
            try {
                OasstServerVersion version = version(url, key, embedded == null, out);
                client = client(url, key, version, RetryPolicy.builder())
                        .listener(tally)
                        .build();
            } catch (IllegalArgumentException e) {
                err.println("oasst-quickstart: invalid configuration: " + e.getMessage());
                return CONFIGURATION;
            }
            try (client) {
                return new Rounds(client, options, tally, out, err).play();
            }
        }
    }

    /**
     * The backend's version, as a client learns it ({@code GET /api/v1/tasks/availability}), printed;
     * null when the backend could not tell (it may be unreachable: the rounds then find out).
     */
    static @Nullable OasstServerVersion version(String url, String key, boolean external, PrintStream out) {
        try (OasstClient probe = OasstClient.builder().baseUrl(url).apiKey(key).build()) {
            if (external) {
                out.println("Using the OASST backend at " + probe.baseUrl());
            }
            OasstServerVersion version = probe.serverVersion();
            out.println("The backend is the " + versionName(version) + " version");
            return version;
        } catch (OasstException e) {
            out.println("The backend's version could not be learned (" + e.getMessage()
                    + "): interactions whose answer is lost are not sent again");
            return null;
        }
    }

    /**
     * The client as the main job builds it: retries as the policy says, with ambiguous failures of
     * the interactions that the backend refuses to store twice retried: on a 2023-05 server those of
     * {@link InteractionKind#reconciledOn} (a repeat answered 2105 proves the first was stored), on a
     * 2023-01 server {@link InteractionKind#SAFE_TO_REPEAT} (a reply or a ranking is never stored
     * twice there; labels would be).
     */
    static OasstClientBuilder client(
            String url, String key, @Nullable OasstServerVersion version, RetryPolicy.Builder retries) {
        OasstClientBuilder builder =
                OasstClient.builder().baseUrl(url).apiKey(key).userAgent("oasst-quickstart");
        if (version == null) {
            return builder.retryPolicy(retries.build());
        }
        Set<InteractionKind> repeated = version == OasstServerVersion.V2023_01
                ? InteractionKind.SAFE_TO_REPEAT
                : InteractionKind.reconciledOn(version);
        return builder.serverVersion(version)
                .retryPolicy(retries.retryAmbiguousInteractions(repeated).build());
    }

    static String versionName(OasstServerVersion version) {
        return version.name().substring(1).replace('_', '-');
    }

    private static FakeOasstBackend embedded(Options options) {
        FakeOasstBackend.Builder backend = FakeOasstBackend.builder().serverVersion(options.embedded());
        Double rate = options.faults();
        if (rate != null) {
            backend.connectionFaults(ConnectionFaults.of(rate, options.seed(), FAULTS));
        }
        return backend.start();
    }

    /** Plays the rounds the options ask for, and reports them. */
    private record Rounds(OasstClient client, Options options, Tally tally, PrintStream out, PrintStream err) {
        int play() {
            String runId = UUID.randomUUID().toString().substring(0, 8);
            boolean soak = options.soak();
            int limit = options.rounds() != null ? options.rounds() : soak ? Integer.MAX_VALUE : 1;
            long start = System.nanoTime();
            long end = options.duration() == null
                    ? Long.MAX_VALUE
                    : start + options.duration().toNanos();
            out.println((soak ? "Playing rounds, each for a user of its own (" : "Playing one round for user ")
                    + user(runId, 1).id()
                    + (soak ? ", …)" : " (" + user(runId, 1).authMethod() + ")"));
            out.println();
            FrontendRound.Stop stop = null;
            int played = 0;
            long lastProgress = start;
            while (played < limit && System.nanoTime() - end < 0 && stop == null) {
                int round = ++played;
                // a frontend serves many users; a 2023-05 server limits each to 8 pending tasks, and a
                // task whose answer was lost stays pending there for 5 minutes
                OasstClient view = client.forUser(user(runId, round)); // names the user in every request
                FrontendRound.Result result = new FrontendRound(
                                view, new HashSet<>(), out, !soak, runId + "-" + round, step -> {
                                    tally.accept(step);
                                    if (soak
                                            && !step.outcome().complete()
                                            && step.outcome().servable()) {
                                        out.printf(
                                                "  round %d, %s: %s %s%n",
                                                round, step.requested(), step.outcome().label, step.detail());
                                    }
                                })
                        .play();
                stop = result.stop();
                if (!soak) {
                    Summary.print(result.steps(), out);
                } else if (System.nanoTime() - lastProgress > 1_000_000_000L || played == limit || stop != null) {
                    lastProgress = System.nanoTime();
                    out.printf(
                            Locale.ROOT,
                            "round %d%s: %s (%.1f s)%n",
                            round,
                            options.rounds() == null ? "" : "/" + limit,
                            tally.progress(),
                            (lastProgress - start) / 1e9);
                }
            }
            out.println();
            tally.print(out, played, java.time.Duration.ofNanos(System.nanoTime() - start));
            return verdict(stop, played);
        }

        private int verdict(FrontendRound.@Nullable Stop stop, int played) {
            if (stop != null) {
                out.flush();
                err.println("oasst-quickstart: " + stop.reason());
                return stop.keyRefused() ? AUTHENTICATION : NETWORK;
            }
            long failed = tally.steps(Outcome.FAILED);
            long uncertain = tally.steps(Outcome.UNCERTAIN);
            String rounds = played == 1 ? "Round" : played + " rounds";
            out.println();
            if (failed + uncertain == 0) {
                out.printf(
                        "%s complete: %d tasks answered, %d rejected, %d not available from this server.%n",
                        rounds,
                        tally.steps(Outcome.ANSWERED),
                        tally.steps(Outcome.NACKED),
                        tally.steps(Outcome.NOT_SERVED) + tally.steps(Outcome.NONE_AVAILABLE));
                return OK;
            }
            out.printf("%s incomplete: %d steps failed, %d uncertain (see above).%n", rounds, failed, uncertain);
            return STEP_FAILED;
        }
    }

    /** The user of a round. */
    static User user(String runId, int round) {
        return User.local("quickstart-" + runId + "-" + round, "Quickstart User " + round);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
