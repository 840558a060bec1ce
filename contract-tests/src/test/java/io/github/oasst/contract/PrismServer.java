package io.github.oasst.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Stoplight Prism mock server of one OpenAPI schema, run from this module's {@code node_modules}
 * as a child process bound to 127.0.0.1 on a free port. Everything Prism prints goes to a log file
 * under {@code target/prism-logs}, where request violations show as {@code Violation: …} lines.
 *
 * <p>Prism validates every request against the schema (body, parameters and the {@code X-API-Key}
 * security scheme) and answers an invalid one with the schema's 422 response and an {@code
 * sl-violations} header. It answers with one fixed response per operation, sampled from the
 * schema, unless a request asks with {@code Prefer: dynamic=true, seed=…} for a response that
 * json-schema-faker generates from the schema with that seed; so one server serves both kinds.
 *
 * <p>The servers of the published schemas are {@linkplain #of(Schema) shared} by all test classes
 * of a run: tests run one after another, and each reads only the part of the log written during
 * it ({@link #logWindow()}).
 */
final class PrismServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(30);
    private static final int LAUNCH_ATTEMPTS = 3;
    private static final HttpClient BARRIER_CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final Map<Schema, PrismServer> SHARED = new EnumMap<>(Schema.class);

    private final String name;
    private final Path spec;
    private final Path logFile;
    private final Thread shutdownHook;
    private @Nullable Process process;
    private int port;

    private PrismServer(String name, Path spec) {
        this.name = name;
        this.spec = spec;
        this.logFile = logDirectory().resolve(name + ".log");
        this.shutdownHook = new Thread(this::stop, "prism-shutdown-" + name);
    }

    /**
     * The server of a published schema, shared by all test classes of the run: the first call
     * starts one per schema, side by side; they stop when the JVM exits.
     */
    static synchronized PrismServer of(Schema schema) {
        if (SHARED.isEmpty()) {
            SHARED.putAll(startForEachSchema());
        }
        return SHARED.get(schema);
    }

    /** Starts a Prism server of another schema and waits until it listens. */
    static PrismServer start(String name, Path spec) {
        PrismServer server = new PrismServer(name, spec);
        server.launch();
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Starts one server per schema, side by side, and waits until all listen. */
    private static Map<Schema, PrismServer> startForEachSchema() {
        Map<Schema, PrismServer> servers = new EnumMap<>(Schema.class);
        try {
            for (Schema schema : Schema.values()) {
                PrismServer server = new PrismServer("schema-" + schema.date(), schema.file());
                servers.put(schema, server);
                server.launch();
            }
            for (PrismServer server : servers.values()) {
                server.awaitReady();
            }
        } catch (RuntimeException e) {
            servers.values().forEach(PrismServer::close);
            throw e;
        }
        return servers;
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    Path logFile() {
        return logFile;
    }

    /**
     * A window on the log from now on: {@link LogWindow#read()} gives all that Prism logged after
     * this call, up to the moment of reading.
     */
    LogWindow logWindow() {
        syncLog();
        return new LogWindow(this, logSize());
    }

    /** The log lines that report a request or response violation. */
    static List<String> violationLines(String log) {
        return log.lines().filter(line -> line.contains("Violation")).toList();
    }

    /** Everything in the log from the byte offset on, after all earlier requests were logged. */
    String logFrom(long offset) {
        syncLog();
        try {
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down, or the hook was never registered
        }
    }

    @Override
    public String toString() {
        return "Prism[" + name + " " + baseUrl() + ", log " + logFile + "]";
    }

    // ---- process ----------------------------------------------------------------------------

    private void launch() {
        port = freePort();
        List<String> command = new ArrayList<>(
                List.of(prismExecutable().toString(), "mock", "--host", HOST, "--port", Integer.toString(port)));
        command.add(spec.toString());
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("FORCE_COLOR", "0");
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not start Prism (" + command.get(0)
                            + "); run the Maven build, which installs it with npm ci",
                    e);
        }
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalArgumentException alreadyRegistered) {
            // relaunched after a port clash: the hook is there
        }
    }

    private void awaitReady() {
        String listening = "Prism is listening on " + baseUrl();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        int attempts = 1;
        while (true) {
            String log = readLog();
            if (log.contains(listening)) {
                return;
            }
            Process running = process;
            if (running == null || !running.isAlive()) {
                if (log.contains("EADDRINUSE") && attempts < LAUNCH_ATTEMPTS) {
                    attempts++;
                    launch();
                    listening = "Prism is listening on " + baseUrl();
                    continue;
                }
                throw new IllegalStateException("Prism exited before listening: " + this + "\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "Prism did not listen within " + START_TIMEOUT + ": " + this + "\n" + tail(log));
            }
            pause();
        }
    }

    private void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.descendants().forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---- log --------------------------------------------------------------------------------

    /**
     * Waits until Prism has written everything it logged so far: it logs after it has answered, so
     * the last lines may still be on their way when a response arrives. A request to a path no
     * schema has, with a unique name, is logged after all earlier ones.
     */
    private void syncLog() {
        String marker = "log-barrier-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/__contract-tests/" + marker))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            BARRIER_CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException("Prism did not answer the log barrier: " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Instant deadline = Instant.now().plus(LOG_TIMEOUT);
        while (!readLog().contains(marker)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Prism did not log the barrier request: " + this);
            }
            pause();
        }
    }

    private long logSize() {
        try {
            return Files.size(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLog() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Prism", e);
        }
    }

    // ---- configuration ----------------------------------------------------------------------

    private static Path prismExecutable() {
        Path configured = Path.of(System.getProperty("prism.executable", "node_modules/.bin/prism"));
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows ? Path.of(configured + ".cmd") : configured;
    }

    private static Path logDirectory() {
        return Path.of(System.getProperty("prism.logDirectory", "target/prism-logs"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    /** The part of a server's log written after a point. */
    static final class LogWindow {
        private final PrismServer server;
        private final long offset;

        private LogWindow(PrismServer server, long offset) {
            this.server = server;
            this.offset = offset;
        }

        /** What Prism logged since the window was opened, once every request so far is logged. */
        String read() {
            return server.logFrom(offset);
        }
    }
}
