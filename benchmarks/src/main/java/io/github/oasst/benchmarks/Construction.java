package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Fixtures.USER;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs to get from nothing to the first answer: build a client, fetch one task (on a new
 * connection), close the client.
 *
 * <ul>
 *   <li>{@code cold*}: once per fresh JVM (class loading and initialization included, the JVM's
 *       own start-up and the server's excluded), over several forks;
 *   <li>{@code warm*}: again and again in a warmed-up JVM: the work of building a client itself.
 * </ul>
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Construction {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(6) // the class's JVM arguments stay
    public PrompterReplyTask coldFacade(ServerState server) {
        return facade(server);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(6) // the class's JVM arguments stay
    public PrompterReplyTask coldOkHttp(ServerState server) throws IOException {
        return okHttp(server);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 1)
    public PrompterReplyTask warmFacade(ServerState server) {
        return facade(server);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 1)
    public PrompterReplyTask warmOkHttp(ServerState server) throws IOException {
        return okHttp(server);
    }

    private static PrompterReplyTask facade(ServerState server) {
        try (OasstClient client = Clients.facade(server).build()) {
            return client.fetchTask(TaskKind.PROMPTER_REPLY, USER);
        }
    }

    private static PrompterReplyTask okHttp(ServerState server) throws IOException {
        try (HandWritten client = new HandWritten(server.baseUrl(), Fixtures.API_KEY)) {
            return (PrompterReplyTask) client.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, USER));
        }
    }
}
