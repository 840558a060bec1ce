package io.github.oasst.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskRequest;
import java.io.IOException;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The baseline: the calls as a developer would write them by hand with OkHttp and Jackson, and the
 * client's protocol records. One {@link OkHttpClient} with OkHttp's defaults, one ObjectMapper,
 * readers and writers made once; a non-2xx status is an exception, nothing is retried.
 */
public final class HandWritten implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final OkHttpClient http = new OkHttpClient();
    private final String apiKey;
    private final String baseUrl;
    private final HttpUrl tasksUrl;
    private final HttpUrl interactionUrl;
    private final ObjectWriter requestWriter = MAPPER.writerFor(TaskRequest.class);
    private final ObjectWriter ackWriter = MAPPER.writerFor(TaskAck.class);
    private final ObjectWriter interactionWriter = MAPPER.writerFor(Interaction.class);
    private final ObjectReader taskReader = MAPPER.readerFor(Task.class);

    public HandWritten(String baseUrl, String apiKey) {
        this.apiKey = apiKey;
        this.baseUrl = baseUrl;
        this.tasksUrl = HttpUrl.get(baseUrl + "/api/v1/tasks/");
        this.interactionUrl = HttpUrl.get(baseUrl + "/api/v1/tasks/interaction");
    }

    public Task requestTask(TaskRequest request) throws IOException {
        return task(post(tasksUrl, requestWriter.writeValueAsBytes(request)));
    }

    public void ackTask(UUID taskId, TaskAck ack) throws IOException {
        HttpUrl url = HttpUrl.get(baseUrl + "/api/v1/tasks/" + taskId + "/ack");
        try (Response response =
                http.newCall(post(url, ackWriter.writeValueAsBytes(ack))).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("ack failed: HTTP " + response.code());
            }
        }
    }

    /** Posts the answer; any 2xx means accepted (its body, a {@code task_done}, carries nothing). */
    public void postInteraction(Interaction interaction) throws IOException {
        try (Response response = http.newCall(post(interactionUrl, interactionWriter.writeValueAsBytes(interaction)))
                .execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("interaction failed: HTTP " + response.code());
            }
        }
    }

    private Request post(HttpUrl url, byte[] json) {
        return new Request.Builder()
                .url(url)
                .header("X-API-Key", apiKey)
                .post(RequestBody.create(json, JSON))
                .build();
    }

    private Task task(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + ": " + body.string());
            }
            return taskReader.readValue(body.byteStream());
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
