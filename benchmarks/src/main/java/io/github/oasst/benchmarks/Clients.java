package io.github.oasst.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Feign;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstClientBuilder;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.api.OasstTasksApi;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The clients under test, each shared by the benchmark's threads, as an application would. */
public final class Clients {
    private Clients() {}

    /** A builder of the facade as users make it, for the canned server. */
    static OasstClientBuilder facade(ServerState server) {
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
     * The interface as service code injects it: {@code tasksApi()} of a client with its defaults, the
     * path the facade's own calls take.
     */
    @State(Scope.Benchmark)
    public static class Interface {
        OasstClient owner;
        OasstTasksApi api;

        @Setup(Level.Trial)
        public void setUp(ServerState server) {
            owner = facade(server).build();
            api = owner.tasksApi();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            owner.close();
        }
    }

    /**
     * The same interface on Feign's stock modules: feign-okhttp's client on OkHttp's defaults,
     * feign-jackson's encoder, Feign's default options, with the client's decoders, interceptors and
     * capability (retries off). What the client's own {@code Client}, encoder and options replace.
     */
    @State(Scope.Benchmark)
    public static class StockFeign {
        okhttp3.OkHttpClient http;
        OasstTasksApi api;

        @Setup(Level.Trial)
        public void setUp(ServerState server) {
            http = new okhttp3.OkHttpClient.Builder()
                    .followRedirects(false)
                    .retryOnConnectionFailure(false)
                    .build();
            api = stock(http).target(OasstTasksApi.class, server.baseUrl());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
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

    /** Feign's stock modules, with the client's decoders, interceptors and capability (no retries). */
    static Feign.Builder stock(okhttp3.OkHttpClient http) {
        return Feign.builder()
                .client(new feign.okhttp.OkHttpClient(http))
                .encoder(new JacksonEncoder(JsonMapper.builder()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build()))
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .requestInterceptor(OasstFeign.apiKeyInterceptor(Fixtures.API_KEY))
                .requestInterceptor(OasstFeign.userAgentInterceptor(null))
                .retryer(Retryer.NEVER_RETRY)
                .addCapability(OasstFeign.capability());
    }
}
