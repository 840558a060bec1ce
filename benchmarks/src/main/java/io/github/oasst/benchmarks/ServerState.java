package io.github.oasst.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The canned server, one per benchmark run, in the benchmark's JVM. */
@State(Scope.Benchmark)
public class ServerState {
    CannedServer server;

    @Setup(Level.Trial)
    public void start() {
        server = CannedServer.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    String baseUrl() {
        return server.baseUrl();
    }
}
