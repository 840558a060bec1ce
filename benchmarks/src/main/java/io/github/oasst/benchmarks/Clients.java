package io.github.oasst.benchmarks;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.RetryPolicy;
import io.github.oasst.client.api.OasstTasksApi;
import java.time.Duration;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The clients under test, each shared by the benchmark's threads, as an application would. */
public final class Clients {
    private Clients() {}

    /** A builder of the facade as users make it, for the canned server. */
    static OasstClient.Builder facade(ServerState server) {
        return OasstClient.builder().baseUrl(server.baseUrl()).apiKey(Fixtures.API_KEY);
    }

    /** The baseline: hand-written OkHttp + Jackson calls. */
    @State(Scope.Benchmark)
    public static class OkHttp {
        HandWritten client;

        @Setup(Level.Trial)
        public void setUp(ServerState server) {
            client = new HandWritten(server.baseUrl(), Fixtures.API_KEY);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
        }
    }

    /** The facade as users build it: defaults, retries on. */
    @State(Scope.Benchmark)
    public static class Facade {
        OasstClient client;

        @Setup(Level.Trial)
        public void setUp(ServerState server) {
            client = facade(server).build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
        }
    }

    /**
     * The facade with its defaults but {@code callTimeout(Duration.ZERO)}: what OkHttp's call timeout
     * costs.
     */
    @State(Scope.Benchmark)
    public static class FacadeNoCallTimeout {
        OasstClient client;

        @Setup(Level.Trial)
        public void setUp(ServerState server) {
            client = facade(server).callTimeout(Duration.ZERO).build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
        }
    }

    /** The Feign interface of a client whose retries are off ({@link RetryPolicy#disabled()}). */
    @State(Scope.Benchmark)
    public static class Feign {
        OasstClient owner;
        OasstTasksApi api;

        @Setup(Level.Trial)
        public void setUp(ServerState server) {
            owner = facade(server).retryPolicy(RetryPolicy.disabled()).build();
            api = owner.tasksApi();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            owner.close();
        }
    }

    /** A raw socket connection per benchmark thread. */
    @State(Scope.Thread)
    public static class Raw {
        RawHttp http;

        @Setup(Level.Trial)
        public void setUp(ServerState server) {
            http = new RawHttp(server.server.port());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            http.close();
        }
    }
}
