package io.github.oasst.client.internal.http;

import feign.AsyncClient;
import feign.Client;
import feign.Request.Options;
import feign.Request.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Feign's {@link Client} and {@link AsyncClient} on OkHttp: what feign-okhttp's client does, without
 * its per-call work that can be done once. Asynchronous calls are OkHttp's own ({@code enqueue}). A
 * request of a call of the client's ({@link CallOptions} as its options) carries the call's headers,
 * and its exchange is cancelled when the call is. A failure is OkHttp's exception wrapped in {@link
 * CallFailedException}, which says whether the request had gone out.
 *
 * <ul>
 *   <li>The URL: OkHttp parses a URL string in full for each request, host canonicalization (IDNA)
 *       included. The last URLs sent are kept parsed (16, by hash, each found only by the very
 *       string it was parsed from).
 *   <li>The {@code Content-Type}: parsed into OkHttp's media type once per distinct value, not per
 *       request. {@code Content-Length} is left to OkHttp, which takes it from the body.
 *   <li>Timeouts: options equal to the OkHttp client's settings use it as it is; others use a copy
 *       made once per distinct setting (feign-okhttp builds a new client for every such request).
 *   <li>The response is handed to Feign once, its headers copied once (feign-okhttp copies them
 *       twice), its body read in the charset Feign asks for.
 * </ul>
 *
 * A request goes only to the origin (scheme, host and port) of its Feign target: any other URL,
 * whatever a parameter made of the path, is refused with {@link IllegalArgumentException} before
 * anything is sent, so the API key never reaches another host.
 *
 * <p>Without an {@code Accept} header, {@code Accept: *}{@code /*} is sent, as feign-okhttp does.
 * Without a {@code User-Agent}, the client's default is sent (OkHttp's own would be {@code
 * okhttp/<version>}): a transport's default, like OkHttp's, so that it costs Feign's request
 * template nothing; a request interceptor's {@code User-Agent} wins.
 */
public final class OkHttpFeignClient implements Client, AsyncClient<Object> {
    private static final byte[] EMPTY = new byte[0];

    private final OkHttpClient http;
    /** Whether the client tells when a request goes out ({@link OkHttpClients#harden}). */
    private final boolean observesSending;

    private final @Nullable String userAgent;
    private final ConcurrentMap<Timeouts, OkHttpClient> byTimeouts = new ConcurrentHashMap<>();
    private final ParsedUrls urls = new ParsedUrls();

    private volatile @Nullable ContentType lastContentType;

    /**
     * @param http the OkHttp client to send with, as it is (see {@link OkHttpClients#harden})
     * @param userAgent the {@code User-Agent} of requests without one, or null for OkHttp's
     */
    public OkHttpFeignClient(OkHttpClient http, @Nullable String userAgent) {
        this.http = http;
        this.observesSending = http.networkInterceptors().contains(Sending.MARK);
        this.userAgent = userAgent;
    }

    /** The OkHttp client requests go through when their options match its own settings. */
    public OkHttpClient okHttpClient() {
        return http;
    }

    @Override
    public feign.Response execute(feign.Request request, Options options) throws IOException {
        Sending sending = new Sending(observesSending);
        Call call = clientFor(options).newCall(toOkHttp(request, options, sending));
        if (options instanceof CallOptions own) {
            own.attach(call);
        }
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw new CallFailedException(
                    e, sending.sent, call.isCanceled(), Thread.currentThread().isInterrupted());
        } catch (Exception e) {
            if (!(e instanceof InterruptedException)) {
                throw e;
            }
            // OkHttp (Kotlin) may let an InterruptedException out of execute()
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(e.getMessage());
            interrupted.initCause(e);
            throw new CallFailedException(interrupted, sending.sent, call.isCanceled(), true);
        }
        return toFeign(response, request);
    }

    @Override
    public CompletableFuture<feign.Response> execute(
            feign.Request request, Options options, Optional<Object> requestContext) {
        Sending sending = new Sending(observesSending);
        Call call = clientFor(options).newCall(toOkHttp(request, options, sending));
        CompletableFuture<feign.Response> response = new CompletableFuture<>();
        if (options instanceof CallOptions own) {
            own.attach(call);
        }
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                response.completeExceptionally(new CallFailedException(e, sending.sent, failed.isCanceled(), false));
            }

            @Override
            public void onResponse(Call answered, Response answer) {
                response.complete(toFeign(answer, request));
            }
        });
        return response;
    }

    private OkHttpClient clientFor(Options options) {
        if (http.connectTimeoutMillis() == options.connectTimeoutMillis()
                && http.readTimeoutMillis() == options.readTimeoutMillis()
                && http.followRedirects() == options.isFollowRedirects()) {
            return http;
        }
        Timeouts timeouts =
                new Timeouts(options.connectTimeoutMillis(), options.readTimeoutMillis(), options.isFollowRedirects());
        return byTimeouts.computeIfAbsent(
                timeouts,
                t -> http.newBuilder()
                        .connectTimeout(t.connectMillis, TimeUnit.MILLISECONDS)
                        .readTimeout(t.readMillis, TimeUnit.MILLISECONDS)
                        .followRedirects(t.followRedirects)
                        .build());
    }

    Request toOkHttp(feign.Request input, Options options, Sending sending) {
        Request.Builder request = new Request.Builder().url(url(input)).tag(Sending.class, sending);
        MediaType mediaType = null;
        boolean accept = false;
        boolean agent = false;
        for (Map.Entry<String, Collection<String>> header : input.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Type")) {
                for (String value : header.getValue()) {
                    mediaType = mediaType(value);
                }
            } else if (!name.equalsIgnoreCase("Content-Length")) {
                accept |= name.equalsIgnoreCase("Accept");
                agent |= name.equalsIgnoreCase("User-Agent");
                for (String value : header.getValue()) {
                    request.addHeader(name, value);
                }
            }
        }
        if (options instanceof CallOptions own) {
            for (Map.Entry<String, String> header : own.headers().entrySet()) {
                if (!input.headers().containsKey(header.getKey())) {
                    request.header(header.getKey(), header.getValue());
                }
            }
        }
        if (!accept) {
            request.addHeader("Accept", "*/*");
        }
        if (!agent && userAgent != null) {
            request.addHeader("User-Agent", userAgent);
        }
        byte[] body = input.body();
        if (body == null && input.httpMethod().isWithBody()) {
            body = EMPTY; // OkHttp needs a body for POST, PUT and PATCH
        }
        return request.method(input.httpMethod().name(), body == null ? null : RequestBody.create(body, mediaType))
                .build();
    }

    /**
     * The request's URL, parsed or as parsed before ({@link ParsedUrls}).
     *
     * @throws IllegalArgumentException when it is not on the origin (scheme, host and port) of the
     *     request's Feign target, or the request has no target with a URL: it is not sent
     */
    HttpUrl url(feign.Request request) {
        String targetUrl = Origins.targetUrl(
                request.requestTemplate() == null
                        ? null
                        : request.requestTemplate().feignTarget());
        if (targetUrl == null) {
            throw new IllegalArgumentException(request.httpMethod() + " not sent: the request has no Feign target with"
                    + " an http(s) URL, so no origin it may go to (the API key is sent to the target's origin only)");
        }
        HttpUrl url = urls.get(request.url());
        HttpUrl target = urls.target(targetUrl);
        if (!Origins.same(url, target)) {
            throw new IllegalArgumentException(request.httpMethod() + " to " + Origins.describe(url)
                    + " not sent: it is not the origin of the request's target, " + Origins.describe(target)
                    + " (a path or URL built from a parameter must not lead elsewhere: the API key goes to the"
                    + " target's origin only)");
        }
        return url;
    }

    private @Nullable MediaType mediaType(String value) {
        ContentType known = lastContentType;
        if (known != null && known.value.equals(value)) {
            return known.mediaType;
        }
        MediaType parsed = MediaType.parse(value);
        lastContentType = new ContentType(value, parsed);
        return parsed;
    }

    private static feign.Response toFeign(Response response, feign.Request request) {
        feign.Response.Builder builder = feign.Response.builder()
                .protocolVersion(protocol(response.protocol()))
                .status(response.code())
                .reason(response.message())
                .request(request)
                .headers(headers(response.headers()));
        ResponseBody body = response.body();
        long length = body.contentLength();
        if (length == 0) {
            body.close();
        } else {
            builder.body(new Body(body, length > 0 && length <= Integer.MAX_VALUE ? (int) length : null));
        }
        return builder.build();
    }

    /** The headers as Feign takes them; Feign makes its own case-insensitive copy. */
    private static Map<String, Collection<String>> headers(Headers headers) {
        Map<String, Collection<String>> map = new LinkedHashMap<>();
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            Collection<String> values = map.get(name);
            if (values == null) {
                map.put(name, List.of(headers.value(i)));
            } else {
                List<String> more = new ArrayList<>(values);
                more.add(headers.value(i));
                map.put(name, more);
            }
        }
        return map;
    }

    private static ProtocolVersion protocol(Protocol protocol) {
        return switch (protocol) {
            case HTTP_1_0 -> ProtocolVersion.HTTP_1_0;
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> ProtocolVersion.HTTP_2;
            default -> ProtocolVersion.HTTP_1_1;
        };
    }

    @Override
    public String toString() {
        return "OkHttpFeignClient[" + http + "]";
    }

    private record Timeouts(long connectMillis, long readMillis, boolean followRedirects) {}

    private record ContentType(String value, @Nullable MediaType mediaType) {}

    private record Body(ResponseBody body, @Nullable Integer length) implements feign.Response.Body {
        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public InputStream asInputStream() {
            return body.byteStream();
        }

        @Override
        public Reader asReader(Charset charset) {
            return new InputStreamReader(body.byteStream(), charset);
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
