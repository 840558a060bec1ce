package io.github.oasst.client.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.oasst.client.testkit.Responses.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Computes every answer of a {@link FakeOasstBackend}: an injected fault first, then a random
 * connection fault, then the backend's behaviour (which a fault after processing then spoils).
 */
final class BackendHandler implements ResponseDefinitionTransformerV2 {
    private final FakeOasstBackend backend;

    private BackendHandler(FakeOasstBackend backend) {
        this.backend = backend;
    }

    /**
     * A started WireMock server on the loopback port (0: a free one) whose every request the
     * backend's handler answers, keeping the last {@code journal} requests.
     */
    static WireMockServer start(FakeOasstBackend backend, int port, int journal) {
        WireMockServer server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(port)
                .maxRequestJournalEntries(journal)
                .notifier(new Slf4jNotifier(false))
                .extensions(new BackendHandler(backend)));
        server.stubFor(any(anyUrl()).willReturn(aResponse()));
        server.start();
        return server;
    }

    @Override
    public String getName() {
        return "oasst-fake-backend";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        URI uri = URI.create(request.getUrl());
        String path = uri.getRawPath();
        InjectedFault injected = backend.nextFault(path);
        if (injected != null) {
            return injected(injected, request, uri);
        }
        ConnectionFault fault =
                backend.connectionFaults().map(ConnectionFaults::next).orElse(null);
        if (fault == ConnectionFault.REFUSE) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (fault == ConnectionFault.SERVICE_UNAVAILABLE) {
            return toDefinition(new Reply(503, "{\"detail\":\"Service Unavailable\"}"))
                    .build();
        }
        Reply reply = handle(request, uri);
        if (fault == null) {
            return toDefinition(reply).build();
        }
        return switch (fault) {
            case DROP_ANSWER ->
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case TRUNCATE_ANSWER -> truncated(reply).build();
            case DELAY_ANSWER ->
                toDefinition(reply)
                        .withFixedDelay((int) Math.min(
                                Integer.MAX_VALUE,
                                backend.connectionFaults().orElseThrow().delay().toMillis()))
                        .build();
            case REFUSE, SERVICE_UNAVAILABLE -> throw new IllegalStateException("handled above");
        };
    }

    private ResponseDefinition injected(InjectedFault fault, LoggedRequest request, URI uri) {
        switch (fault.kind) {
            case STATUS:
                return toDefinition(new Reply(fault.status, fault.body)).build();
            case CONNECTION_RESET:
                return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case EMPTY_RESPONSE:
                return aResponse().withFault(Fault.EMPTY_RESPONSE).build();
            default:
                break;
        }
        Reply reply = handle(request, uri);
        if (fault.kind == InjectedFault.Kind.RESET_AFTER_PROCESSING) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return toDefinition(reply)
                .withFixedDelay((int) Math.min(Integer.MAX_VALUE, fault.delay.toMillis()))
                .build();
    }

    private Reply handle(LoggedRequest request, URI uri) {
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.putIfAbsent(header.key().toLowerCase(Locale.ROOT), header.firstValue());
        }
        Request received = new Request(
                request.getMethod().getName(),
                uri.getRawPath(),
                uri.getRawQuery(),
                headers,
                request.getBody() == null ? "" : request.getBodyAsString());
        return backend.behaviour().handle(received, backend.baseUrl());
    }

    /**
     * The answer's status and headers, and half its body under a {@code Content-Length} of all of
     * it, not compressed: the server closes the connection with the body cut short.
     */
    private static ResponseDefinitionBuilder truncated(Reply reply) {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ResponseDefinitionBuilder answer =
                aResponse().withStatus(reply.status()).withGzipDisabled(true);
        reply.headers().forEach(answer::withHeader);
        if (body.length == 0) {
            return answer;
        }
        byte[] half = new byte[body.length / 2];
        System.arraycopy(body, 0, half, 0, half.length);
        return answer.withHeader("Content-Length", String.valueOf(body.length)).withBody(half);
    }

    private static ResponseDefinitionBuilder toDefinition(Reply reply) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(reply.status());
        if (!reply.body().isEmpty()) {
            answer.withBody(reply.body());
        }
        reply.headers().forEach(answer::withHeader);
        return answer;
    }
}
