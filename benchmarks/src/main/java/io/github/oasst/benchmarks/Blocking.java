package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Fixtures.MESSAGE_ID;
import static io.github.oasst.benchmarks.Fixtures.USER;

import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
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
 * Blocking calls, each benchmark thread waiting for its answer: {@link Threads1} runs them on one
 * thread, {@link Threads64} on 64. Two workloads: {@code fetch*} fetches a {@code prompter_reply}
 * task; {@code cycle*} fetches it, acknowledges it and posts the text reply (three requests).
 *
 * <ul>
 *   <li>{@code *RawSocket}: pre-encoded requests over a socket, no JSON: what the server and the
 *       loopback allow;
 *   <li>{@code *OkHttp}: the baseline, hand-written OkHttp + Jackson calls ({@link HandWritten});
 *   <li>{@code *StockFeign}: the interface on Feign's stock modules (feign-okhttp, feign-jackson);
 *   <li>{@code *Interface}: the interface as service code injects it, {@code tasksApi()} of a client
 *       with its defaults (retries on);
 *   <li>{@code *Facade}: {@code OasstClient} with its defaults (retries on), the same path.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class Blocking {

    @Benchmark
    @Warmup(iterations = 3, time = 1) // little code to compile
    public int fetchRawSocket(Clients.Raw raw) throws IOException {
        return raw.http.fetch();
    }

    @Benchmark
    public PrompterReplyTask fetchOkHttp(Clients.OkHttp okHttp) throws IOException {
        Task task = okHttp.client.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, USER));
        return (PrompterReplyTask) task;
    }

    @Benchmark
    public PrompterReplyTask fetchStockFeign(Clients.StockFeign feign) {
        return (PrompterReplyTask) feign.api.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, USER));
    }

    @Benchmark
    public PrompterReplyTask fetchInterface(Clients.Interface injected) {
        return (PrompterReplyTask) injected.api.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, USER));
    }

    @Benchmark
    public PrompterReplyTask fetchFacade(Clients.Facade facade) {
        return facade.client.fetchTask(TaskKind.PROMPTER_REPLY, USER);
    }

    @Benchmark
    @Warmup(iterations = 3, time = 1) // little code to compile
    public int cycleRawSocket(Clients.Raw raw) throws IOException {
        return raw.http.fetch() + raw.http.ack() + raw.http.interaction();
    }

    @Benchmark
    public Task cycleOkHttp(Clients.OkHttp okHttp) throws IOException {
        HandWritten client = okHttp.client;
        PrompterReplyTask task =
                (PrompterReplyTask) client.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, USER));
        client.ackTask(task.id(), new TaskAck(MESSAGE_ID));
        client.postInteraction(Fixtures.reply());
        return task;
    }

    @Benchmark
    public Task cycleStockFeign(Clients.StockFeign feign) {
        return cycle(feign.api);
    }

    @Benchmark
    public Task cycleInterface(Clients.Interface injected) {
        return cycle(injected.api);
    }

    private static Task cycle(OasstTasksApi api) {
        Task task = api.requestTask(TaskRequest.of(TaskRequestType.PROMPTER_REPLY, USER));
        api.ackTask(task.id(), new TaskAck(MESSAGE_ID));
        api.postInteraction(Fixtures.reply());
        return task;
    }

    @Benchmark
    public PrompterReplyTask cycleFacade(Clients.Facade facade) {
        PrompterReplyTask task = facade.client.fetchTask(TaskKind.PROMPTER_REPLY, USER);
        facade.client.ackTask(task.id(), MESSAGE_ID);
        facade.client.postInteraction(Fixtures.reply());
        return task;
    }
}
