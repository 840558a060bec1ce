package io.github.oasst.examples.quickstart;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The quickstart: plays one round as an OASST frontend would, against {@code OASST_BACKEND_URL}
 * with {@code OASST_API_KEY}, or, when no URL is set, against a fake backend it embeds.
 *
 * <p>Exit status: 0 when the round went through (task types the server does not serve are reported,
 * not fatal); 1 when a step failed; 2 on a configuration error; 3 when the server refused the API
 * key; 4 when the server could not be reached.
 */
public final class Quickstart {
    static final int OK = 0;
    static final int STEP_FAILED = 1;
    static final int CONFIGURATION = 2;
    static final int AUTHENTICATION = 3;
    static final int NETWORK = 4;

    private Quickstart() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            System.out.println("usage: java -jar oasst-quickstart.jar");
            System.out.println(
                    "  Plays one round as an OASST frontend. Set OASST_BACKEND_URL and OASST_API_KEY to use a");
            System.out.println("  backend; without OASST_BACKEND_URL an embedded fake backend is started.");
            System.exit(args[0].equals("--help") || args[0].equals("-h") ? OK : CONFIGURATION);
        }
        System.exit(run(System.getenv(), System.out, System.err));
    }

    /** Runs the quickstart; returns the exit status. */
    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = blankToNull(environment.get(OasstClient.ENV_BACKEND_URL));
        String key = blankToNull(environment.get(OasstClient.ENV_API_KEY));
        if (url != null && key == null) {
            err.println("oasst-quickstart: " + OasstClient.ENV_API_KEY + " is not set; it is required with "
                    + OasstClient.ENV_BACKEND_URL);
            return CONFIGURATION;
        }
        try (FakeOasstBackend embedded = url == null ? FakeOasstBackend.start() : null) {
            if (embedded != null) {
                url = embedded.baseUrl();
                key = embedded.apiKey();
                out.println("No " + OasstClient.ENV_BACKEND_URL + " set: using an embedded fake OASST backend at " + url
                        + " (set " + OasstClient.ENV_BACKEND_URL + " and " + OasstClient.ENV_API_KEY
                        + " to use a real one)");
            }
            OasstClient client;
            try {
                client = OasstClient.builder()
                        .baseUrl(url)
                        .apiKey(key)
                        .userAgent("oasst-quickstart")
                        .build();
            } catch (IllegalArgumentException e) {
                err.println("oasst-quickstart: invalid configuration: " + e.getMessage());
                return CONFIGURATION;
            }
            if (embedded == null) {
                out.println("Using the OASST backend at " + client.baseUrl());
            }
            try (client) {
                return play(client, out, err);
            }
        }
    }

    private static int play(OasstClient client, PrintStream out, PrintStream err) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        User user = User.local("quickstart-" + runId, "Quickstart User");
        out.println("Playing one round for user " + user.id() + " (" + user.authMethod() + ")");
        out.println();
        List<FrontendRound.Step> steps;
        try {
            steps = new FrontendRound(client, user, out, runId).play();
        } catch (FrontendRound.Fatal fatal) {
            out.flush();
            err.println("oasst-quickstart: " + fatal.getMessage());
            return fatal.network() ? NETWORK : AUTHENTICATION;
        }
        FrontendRound.printSummary(steps, out);
        Map<FrontendRound.Outcome, Long> counts = steps.stream()
                .collect(Collectors.groupingBy(
                        FrontendRound.Step::outcome,
                        () -> new EnumMap<>(FrontendRound.Outcome.class),
                        Collectors.counting()));
        out.println();
        long failed = counts.getOrDefault(FrontendRound.Outcome.FAILED, 0L);
        if (failed == 0) {
            out.printf(
                    "Round complete: %d tasks answered, %d rejected, %d not available from this server.%n",
                    counts.getOrDefault(FrontendRound.Outcome.ANSWERED, 0L),
                    counts.getOrDefault(FrontendRound.Outcome.NACKED, 0L),
                    counts.getOrDefault(FrontendRound.Outcome.NOT_SERVED, 0L)
                            + counts.getOrDefault(FrontendRound.Outcome.NONE_AVAILABLE, 0L));
            return OK;
        }
        out.printf("Round incomplete: %d steps failed (see above).%n", failed);
        return STEP_FAILED;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
