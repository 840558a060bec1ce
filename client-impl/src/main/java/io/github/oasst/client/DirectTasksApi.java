package io.github.oasst.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.Request.HttpMethod;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskClose;
import io.github.oasst.client.protocol.TaskNAck;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.User;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The tasks API called straight through OkHttp: what {@link OasstClient}'s methods use while Feign's
 * log is off. It sends what the Feign interface sends (the same paths, headers and JSON) and reads
 * the answers with the same {@link OasstDecoder} and {@link OasstErrorDecoder}, without Feign's
 * per-call work: no request template to copy and expand, no header maps copied three times, no URL
 * or media type parsed again for each call. Everything that can be made once is made here, at
 * construction. One attempt per call; every failure is the client's exception.
 */
final class DirectTasksApi implements OasstTasksApi {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Type AVAILABILITY = new TypeReference<Map<String, Integer>>() {}.getType();

    private final OkHttpClient http;
    private final String baseUrl;
    private final Headers headers;
    private final HttpUrl tasksUrl;
    private final HttpUrl interactionUrl;
    private final HttpUrl closeUrl;
    private final HttpUrl availabilityUrl;
    private final ObjectWriter taskRequestWriter;
    private final ObjectWriter ackWriter;
    private final ObjectWriter nackWriter;
    private final ObjectWriter interactionWriter;
    private final ObjectWriter closeWriter;
    private final ObjectWriter userWriter;
    private final OasstDecoder decoder = new OasstDecoder();
    private final OasstErrorDecoder errorDecoder = new OasstErrorDecoder();

    /**
     * @param http the client's (hardened) OkHttp client
     * @param baseUrl the normalized base URL, without a trailing slash
     */
    DirectTasksApi(OkHttpClient http, String baseUrl, ApiKeyInterceptor apiKey, UserAgentInterceptor userAgent) {
        this.http = http;
        this.baseUrl = baseUrl;
        // the headers of the interface's @Headers and of the two interceptors; OkHttp adds
        // Content-Type and Content-Length from the body
        this.headers = new Headers.Builder()
                .add("Accept", "application/json")
                .add(ApiKeyInterceptor.HEADER, apiKey.value())
                .add("User-Agent", userAgent.value())
                .build();
        this.tasksUrl = HttpUrl.get(baseUrl + "/api/v1/tasks/");
        this.interactionUrl = HttpUrl.get(baseUrl + "/api/v1/tasks/interaction");
        this.closeUrl = HttpUrl.get(baseUrl + "/api/v1/tasks/close");
        this.availabilityUrl = HttpUrl.get(baseUrl + "/api/v1/tasks/availability");
        // the writers feign-jackson's encoder makes for each call, for the declared parameter types
        this.taskRequestWriter = Json.MAPPER.writerFor(TaskRequest.class);
        this.ackWriter = Json.MAPPER.writerFor(TaskAck.class);
        this.nackWriter = Json.MAPPER.writerFor(TaskNAck.class);
        this.interactionWriter = Json.MAPPER.writerFor(Interaction.class);
        this.closeWriter = Json.MAPPER.writerFor(TaskClose.class);
        this.userWriter = Json.MAPPER.writerFor(User.class);
        decoder.reader(Task.class);
        decoder.reader(AVAILABILITY);
    }

    @Override
    public Task requestTask(TaskRequest request) {
        return (Task) post(tasksUrl, taskRequestWriter, request, Task.class);
    }

    @Override
    public void ackTask(UUID taskId, TaskAck ack) {
        post(taskUrl(taskId, "/ack"), ackWriter, ack, null);
    }

    @Override
    public void nackTask(UUID taskId, TaskNAck nack) {
        post(taskUrl(taskId, "/nack"), nackWriter, nack, null);
    }

    @Override
    public Task postInteraction(Interaction interaction) {
        return (Task) post(interactionUrl, interactionWriter, interaction, Task.class);
    }

    @Override
    public Task closeTask(TaskClose close) {
        return (Task) post(closeUrl, closeWriter, close, Task.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Integer> taskAvailability(@Nullable String lang, User user) {
        HttpUrl url = lang == null
                ? availabilityUrl
                : availabilityUrl.newBuilder().addQueryParameter("lang", lang).build();
        return (Map<String, Integer>) post(url, userWriter, user, AVAILABILITY);
    }

    private HttpUrl taskUrl(UUID taskId, String action) {
        return HttpUrl.get(baseUrl + "/api/v1/tasks/" + taskId + action);
    }

    /**
     * POSTs the body as JSON; decodes a 2xx answer as {@code type} (or ignores it when {@code type}
     * is null), turns any other answer into an {@code OasstError}.
     */
    private @Nullable Object post(HttpUrl url, ObjectWriter writer, Object body, @Nullable Type type) {
        Origin origin = new Origin(url);
        byte[] json;
        try {
            json = writer.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // as through Feign: its EncodeException wraps this IOException, translated the same way
            throw new OasstTransportException(Failures.kind(e), origin.method(), origin.path(), e);
        }
        Request request = new Request.Builder()
                .url(url)
                .headers(headers)
                .post(RequestBody.create(json, JSON))
                .build();
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            throw new OasstTransportException(Failures.kind(e), origin.method(), origin.path(), e);
        }
        try (response) {
            int status = response.code();
            if (status < 200 || status >= 300) {
                throw error(response, url);
            }
            if (type == null) {
                return null;
            }
            ResponseBody responseBody = response.body();
            return decoder.decode(
                    status,
                    response.header("Content-Type"),
                    responseBody.contentLength() == 0 ? null : new OkHttpBody(responseBody),
                    type,
                    origin);
        }
    }

    /** The error decoder's exception for a non-2xx answer, given it as Feign would. */
    private OasstError error(Response response, HttpUrl url) {
        feign.Request request = feign.Request.create(
                HttpMethod.POST, url.toString(), Map.of(), (byte[]) null, StandardCharsets.UTF_8, null);
        Map<String, Collection<String>> headers =
                new LinkedHashMap<>(response.headers().toMultimap());
        feign.Response.Builder feignResponse = feign.Response.builder()
                .status(response.code())
                .reason(response.message())
                .headers(headers)
                .request(request);
        ResponseBody body = response.body();
        long length = body.contentLength();
        if (length != 0) {
            feignResponse.body(body.byteStream(), length > 0 && length <= Integer.MAX_VALUE ? (int) length : null);
        }
        // the decoder reads the method and path from the request; it has no use for a method key
        return errorDecoder.decode("", feignResponse.build());
    }

    @Override
    public String toString() {
        return "DirectTasksApi[" + baseUrl + "]";
    }

    /** The request a response answers, for failure messages: POST and the URL's path. */
    private record Origin(HttpUrl url) implements OasstDecoder.Origin {
        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return url.encodedPath();
        }
    }

    private record OkHttpBody(ResponseBody body) implements OasstDecoder.Body {
        @Override
        public InputStream open() {
            return body.byteStream();
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
