package io.github.oasst.client.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fake OASST backend, in-process on a free loopback port, that behaves like the real backend of
 * the 2023-01 schema: tasks of every served type with realistic content; the lifecycle (ack binds
 * the frontend message id, nack, an interaction needs an acked task and marks it done, close only
 * for collective tasks); the API-key check (403, code 2); the real error codes, statuses and
 * messages (404/2100, 400/2103, 400/2105, 400/2106, …); FastAPI's 422 for malformed bodies, 307
 * without the trailing slash, 405 for other methods. Like that backend it answers 1000 for {@code
 * summarize_story} and {@code rate_summary} and 1005 for {@code label_prompter_reply} and {@code
 * label_assistant_reply}, unless built with {@link Builder#serveAllTaskTypes(boolean)}. Beyond
 * tasks it serves that backend's other operations from a store of messages that the users' prompts
 * and replies feed: messages and their trees by backend or frontend id, a user's messages, deletes
 * (only marked; a user's delete marks the 10 newest), text labels, stats, the experimental creator
 * leaderboards, and the toxicity check as it fails offline (500). Operations only newer backends
 * have answer 404 {@code {"detail":"Not Found"}}, as that backend does.
 *
 * <pre>{@code
 * try (FakeOasstBackend backend = FakeOasstBackend.start()) {
 *     OasstClient client = OasstClient.builder().baseUrl(backend.baseUrl()).apiKey(backend.apiKey()).build();
 *     backend.injectFault(1, InjectedFault.status(503));   // the next request answers 503
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served concurrently; faults and state may be changed from any
 * thread.
 */
public final class FakeOasstBackend implements AutoCloseable {
    /** The API key a backend accepts unless built with another. */
    public static final String DEFAULT_API_KEY = "fake-oasst-api-key";

    private static final int MAX_JOURNAL = 10_000;

    private final String apiKey;
    private final BackendState state;
    private final Deque<PlannedFault> faults = new ArrayDeque<>();
    private volatile @Nullable ConnectionFaults connectionFaults;
    private final @Nullable ConnectionFaults builtWithConnectionFaults;
    private final WireMockServer server;

    private FakeOasstBackend(Builder builder) {
        this.apiKey = builder.apiKey;
        this.state = new BackendState(builder.apiKey, builder.serveAllTaskTypes, builder.seed);
        this.connectionFaults = builder.connectionFaults;
        this.builtWithConnectionFaults = builder.connectionFaults;
        this.server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(builder.port)
                .maxRequestJournalEntries(MAX_JOURNAL)
                .notifier(new Slf4jNotifier(false))
                .extensions(new BackendHandler(this)));
        server.stubFor(any(anyUrl()).willReturn(aResponse()));
        server.start();
    }

    /** Starts a backend on a free port with the defaults. */
    public static FakeOasstBackend start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The key the backend accepts in {@code X-API-Key}. */
    public String apiKey() {
        return apiKey;
    }

    /** Makes the next {@code times} requests, to any path, fail with the fault. */
    public void injectFault(int times, InjectedFault fault) {
        plan(times, null, fault);
    }

    /**
     * Makes the next {@code times} requests to the path (for example {@code /api/v1/tasks/}) fail
     * with the fault. Faults apply in the order they were injected.
     */
    public void injectFault(int times, String path, InjectedFault fault) {
        plan(times, Objects.requireNonNull(path, "path"), fault);
    }

    private void plan(int times, @Nullable String path, InjectedFault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        synchronized (faults) {
            faults.add(new PlannedFault(path, fault, times));
        }
    }

    /**
     * Fails requests at random from now on, as a faulty connection would ({@link ConnectionFaults});
     * null stops it. Injected faults ({@link #injectFault}) come first.
     */
    public void connectionFaults(@Nullable ConnectionFaults faults) {
        this.connectionFaults = faults;
    }

    /** The random connection faults in force, if any. */
    public Optional<ConnectionFaults> connectionFaults() {
        return Optional.ofNullable(connectionFaults);
    }

    /** The tasks handed out so far, oldest first, as they stand. */
    public List<FakeTask> tasks() {
        return state.tasks();
    }

    /**
     * The messages the backend holds, oldest first: the prompts and replies users sent through their
     * tasks (under their {@code user_message_id}), and the fake's own conversations.
     */
    public List<FakeMessage> messages() {
        return state.messages();
    }

    /** Drops the faults not yet used. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** The requests received, oldest first (the most recent {@value #MAX_JOURNAL}). */
    public List<ReceivedRequest> received() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        List<ReceivedRequest> requests = new ArrayList<>(events.size());
        for (ServeEvent event : events) {
            requests.add(toReceived(event.getRequest()));
        }
        return requests;
    }

    /** How many requests to the path (without query) were received. */
    public long requestCount(String path) {
        return server.getAllServeEvents().stream()
                .filter(event -> rawPath(event.getRequest()).equals(path))
                .count();
    }

    /**
     * Forgets tasks, faults and the journal: a fresh backend on the same port, with the connection
     * faults it was built with, if any.
     */
    public void reset() {
        clearFaults();
        connectionFaults = builtWithConnectionFaults;
        state.reset();
        server.resetRequests();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public String toString() {
        return "FakeOasstBackend[" + baseUrl() + "]";
    }

    BackendState state() {
        return state;
    }

    /** The injected fault for this request, if any. */
    @Nullable
    InjectedFault nextFault(String path) {
        synchronized (faults) {
            for (Iterator<PlannedFault> it = faults.iterator(); it.hasNext(); ) {
                PlannedFault planned = it.next();
                if (planned.path == null || planned.path.equals(path)) {
                    if (--planned.remaining == 0) {
                        it.remove();
                    }
                    return planned.fault;
                }
            }
            return null;
        }
    }

    private static ReceivedRequest toReceived(LoggedRequest request) {
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key().toLowerCase(Locale.ROOT), List.copyOf(header.values()));
        }
        return new ReceivedRequest(
                request.getMethod().getName(), uri.getRawPath(), uri.getRawQuery(), headers, body(request));
    }

    private static String rawPath(LoggedRequest request) {
        return URI.create(request.getUrl()).getRawPath();
    }

    /** The request body as text; empty when there is none. */
    private static String body(LoggedRequest request) {
        return request.getBody() == null ? "" : request.getBodyAsString();
    }

    private static final class PlannedFault {
        final @Nullable String path;
        final InjectedFault fault;
        int remaining;

        PlannedFault(@Nullable String path, InjectedFault fault, int remaining) {
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    /** Builds a {@link FakeOasstBackend}. */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private int port;
        private long seed = 2023;
        private boolean serveAllTaskTypes;
        private @Nullable ConnectionFaults connectionFaults;

        private Builder() {}

        /** The key to accept. Default {@value FakeOasstBackend#DEFAULT_API_KEY}. */
        public Builder apiKey(String apiKey) {
            if (Objects.requireNonNull(apiKey, "apiKey").isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** The loopback port; 0, the default, takes a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The seed of the content and of random task choices, for repeatable runs. Default 2023. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Serves every task type instead of answering 1000 and 1005 for the four types the 2023-01
         * backend cannot produce. Default false.
         */
        public Builder serveAllTaskTypes(boolean serveAllTaskTypes) {
            this.serveAllTaskTypes = serveAllTaskTypes;
            return this;
        }

        /** Random connection faults from the start ({@link FakeOasstBackend#connectionFaults}). Default none. */
        public Builder connectionFaults(ConnectionFaults faults) {
            this.connectionFaults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** Starts the backend. */
        public FakeOasstBackend start() {
            return new FakeOasstBackend(this);
        }
    }
}
