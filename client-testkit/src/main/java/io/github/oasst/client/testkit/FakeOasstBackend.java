package io.github.oasst.client.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.oasst.client.api.OasstServerVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fake OASST backend, in-process on a free loopback port, that behaves like the real backend of
 * the 2023-01 schema (the default) or, built with {@link Builder#serverVersion(OasstServerVersion)},
 * of the 2023-05 schema; the {@linkplain io.github.oasst.client.testkit package documentation} says
 * what each mode does in full.
 *
 * <p><b>2023-01 mode</b>: tasks of every type that backend serves, with realistic content, and
 * their lifecycle (ack binds the frontend message id, nack, an interaction needs an acked task and
 * marks it done, close only for collective tasks); its other operations from a store of messages
 * that the users' prompts and replies feed; its error codes, statuses and messages, FastAPI's 422s,
 * 307s and 405s. It has no {@code x-oasst-user} header and ignores one.
 *
 * <p><b>2023-05 mode</b>: that backend's users, message trees and tree manager, from the fake's own
 * seed trees and what users send: a task request needs a body user, a nack needs {@code
 * x-oasst-user} naming the task's owner, a name the backend does not know answers 404/4002 wherever
 * the header is read; unavailable types answer 503/1006, 8 pending tasks per user 400/1012, a user's
 * repeated text 400/1009; repeats answer 204 or 400/2105; {@code POST /tasks/close} answers 500;
 * payloads, messages, cursors, label names and paths are that backend's; operations for trusted
 * clients refuse an {@linkplain Builder#untrustedApiKey untrusted key} with 403 {@code Forbidden}.
 *
 * <pre>{@code
 * try (FakeOasstBackend backend = FakeOasstBackend.builder().serverVersion(OasstServerVersion.V2023_05).start()) {
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
    private final OasstServerVersion serverVersion;
    private final Behaviour behaviour;
    private final FaultPlan faults = new FaultPlan();
    private volatile @Nullable ConnectionFaults connectionFaults;
    private final @Nullable ConnectionFaults builtWithConnectionFaults;
    private final WireMockServer server;

    private FakeOasstBackend(Builder builder) {
        WireMockModule.read();
        this.apiKey = builder.apiKey;
        this.serverVersion = builder.serverVersion;
        ApiClients clients = new ApiClients(builder.apiKey, builder.untrustedKeys, builder.disabledKeys);
        this.behaviour = serverVersion == OasstServerVersion.V2023_05
                ? new MayBackend(clients, builder.seed)
                : new BackendState(clients, builder.serveAllTaskTypes, builder.seed);
        this.connectionFaults = builder.connectionFaults;
        this.builtWithConnectionFaults = builder.connectionFaults;
        this.server = BackendHandler.start(this, builder.port, MAX_JOURNAL);
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

    /** The backend it behaves like; {@link OasstServerVersion#V2023_01} unless built with another. */
    public OasstServerVersion serverVersion() {
        return serverVersion;
    }

    /** Makes the next {@code times} requests, to any path, fail with the fault. */
    public void injectFault(int times, InjectedFault fault) {
        faults.plan(times, null, fault);
    }

    /**
     * Makes the next {@code times} requests to the path (for example {@code /api/v1/tasks/}) fail
     * with the fault. Faults apply in the order they were injected.
     */
    public void injectFault(int times, String path, InjectedFault fault) {
        faults.plan(times, Objects.requireNonNull(path, "path"), fault);
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
        return behaviour.tasks();
    }

    /**
     * The messages the backend holds, oldest first: the prompts and replies users sent through their
     * tasks (under their {@code user_message_id}), and the fake's own conversations.
     */
    public List<FakeMessage> messages() {
        return behaviour.messages();
    }

    /** Drops the faults not yet used. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * The journal: every request received, oldest first (the most recent {@value #MAX_JOURNAL}), as
     * it arrived, whatever was answered, faults included. What a test checks after a frontend
     * played, for example which user a nack named:
     *
     * <pre>{@code
     * List<ReceivedRequest> nacks = backend.received().stream()
     *         .filter(request -> request.path().endsWith("/nack"))
     *         .toList();
     * assertThat(nacks).singleElement()
     *         .satisfies(nack -> assertThat(nack.header("x-oasst-user")).isEqualTo("discord:ada"));
     * }</pre>
     *
     * {@link #reset()} empties it; {@link ReceivedRequest#toString()} never shows the API key.
     */
    public List<ReceivedRequest> received() {
        return new ArrayList<>(Journal.received(server));
    }

    /** How many requests to the path (without query) were received. */
    public long requestCount(String path) {
        return Journal.count(server, path);
    }

    /**
     * Forgets tasks, faults and the journal: a fresh backend on the same port, with the connection
     * faults it was built with, if any.
     */
    public void reset() {
        clearFaults();
        connectionFaults = builtWithConnectionFaults;
        behaviour.reset();
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
        return "FakeOasstBackend[" + baseUrl() + ", " + serverVersion + "]";
    }

    Behaviour behaviour() {
        return behaviour;
    }

    /** The 2023-01 behaviour. */
    BackendState state() {
        if (behaviour instanceof BackendState state) {
            return state;
        }
        throw new IllegalStateException("not in 2023-01 mode");
    }

    /** The injected fault for this request, if any. */
    @Nullable
    InjectedFault nextFault(String path) {
        return faults.next(path);
    }

    /** Builds a {@link FakeOasstBackend}. */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private OasstServerVersion serverVersion = OasstServerVersion.V2023_01;
        private final List<String> untrustedKeys = new ArrayList<>();
        private final List<String> disabledKeys = new ArrayList<>();
        private int port;
        private long seed = 2023;
        private boolean serveAllTaskTypes;
        private @Nullable ConnectionFaults connectionFaults;

        private Builder() {}

        /** The key to accept. Default {@value FakeOasstBackend#DEFAULT_API_KEY}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = nonBlank(apiKey, "apiKey");
            return this;
        }

        /** The backend to behave like. Default {@link OasstServerVersion#V2023_01}. */
        public Builder serverVersion(OasstServerVersion serverVersion) {
            this.serverVersion = Objects.requireNonNull(serverVersion, "serverVersion");
            return this;
        }

        /**
         * A further key, of another API client that the backend does not trust: in 2023-05 mode it sees
         * only its client's users and messages in lists and gets 403 {@code Forbidden} from the
         * operations for trusted clients; 2023-01 mode accepts it as the main key. Repeatable.
         */
        public Builder untrustedApiKey(String key) {
            untrustedKeys.add(nonBlank(key, "key"));
            return this;
        }

        /** A further key, known but disabled: refused as an unknown key is (403, code 2). Repeatable. */
        public Builder disabledApiKey(String key) {
            disabledKeys.add(nonBlank(key, "key"));
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
         * backend cannot produce. Default false. 2023-01 mode only: {@link #start()} refuses it in
         * 2023-05 mode.
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
            if (serveAllTaskTypes && serverVersion == OasstServerVersion.V2023_05) {
                throw new IllegalStateException("serveAllTaskTypes is a 2023-01 mode option");
            }
            return new FakeOasstBackend(this);
        }

        private static String nonBlank(String value, String name) {
            if (Objects.requireNonNull(value, name).isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
