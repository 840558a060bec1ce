package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Client;
import feign.Feign;
import feign.Param;
import feign.RequestLine;
import feign.Target;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.fixtures.HostileText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API key never leaves the target's origin, whatever an interface of the user's own (built with
 * the client's Feign components) makes of its parameters: the key interceptor adds it for the
 * target's origin only, and the client's transport sends nothing elsewhere.
 */
class OriginBindingTest {
    /** An interface of the user's own, as plain Feign allows it. */
    interface Paths {
        @RequestLine("GET /{p}")
        String slashFirst(@Param("p") String p);

        @RequestLine("GET {p}")
        String anywhere(@Param("p") String p);

        @RequestLine("GET /x")
        String at(URI base);
    }

    private RawHttpServer server;
    private RawHttpServer other;
    private final OkHttpClient okHttp = new OkHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = RawHttpServer.start().answer(200, "ok");
        other = RawHttpServer.start().answer(200, "\"ok\"");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        other.close();
    }

    private Paths paths(Client client, String url) {
        return Feign.builder()
                .client(client)
                .requestInterceptor(OasstFeign.apiKeyInterceptor("test-api-key-123"))
                .addCapability(OasstFeign.capability())
                .target(Paths.class, url);
    }

    @Test
    void aPathThatStartsWithTwoSlashesStaysOnTheTargetsHost() {
        paths(OasstFeign.client(okHttp), server.baseUrl()).slashFirst("/localhost/steal");

        RawHttpServer.Received request = server.received().get(0);
        assertThat(request.requestLine()).isEqualTo("GET //localhost/steal HTTP/1.1");
        assertThat(request.header("Host")).isEqualTo(server.baseUrl().substring("http://".length()));
        assertThat(request.header("X-API-Key")).isEqualTo("test-api-key-123");
    }

    @Test
    void whateverAPathParameterHoldsTheRequestGoesToTheTargetsOrigin() {
        Paths paths = paths(OasstFeign.client(okHttp), server.baseUrl());
        int sent = 0;
        for (HostileText.Case textCase : HostileText.cases(500)) {
            for (boolean slashFirst : new boolean[] {true, false}) {
                server.clear();
                Throwable failure = catchThrowable(() -> {
                    if (slashFirst) {
                        paths.slashFirst(textCase.text());
                    } else {
                        paths.anywhere(textCase.text());
                    }
                });
                if (failure == null) {
                    sent++;
                    assertThat(server.received()).as(textCase.toString()).hasSize(1);
                    assertThat(server.received().get(0).header("X-API-Key"))
                            .as(textCase.toString())
                            .isEqualTo("test-api-key-123");
                } else {
                    assertThat(failure).as(textCase.toString()).isNotInstanceOf(OasstTransportException.class);
                    assertThat(server.received()).as(textCase.toString()).isEmpty();
                }
            }
        }
        assertThat(sent).isGreaterThan(900);
        assertThat(other.received()).isEmpty();
    }

    @Test
    void anAbsoluteUrlOfAnotherOriginIsRefusedAndGetsNoKey() {
        URI elsewhere = URI.create(other.baseUrl());

        assertThat(catchThrowable(
                        () -> paths(OasstFeign.client(okHttp), server.baseUrl()).at(elsewhere)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not sent");
        assertThat(other.received()).isEmpty();

        List<feign.Request> seen = new ArrayList<>();
        Client anyClient = (request, options) -> {
            seen.add(request);
            return feign.Response.builder()
                    .status(200)
                    .request(request)
                    .body("\"ok\"", java.nio.charset.StandardCharsets.UTF_8)
                    .build();
        };
        paths(anyClient, server.baseUrl()).at(elsewhere);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).url()).startsWith(other.baseUrl());
        assertThat(seen.get(0).headers())
                .as("a Feign client of the user's own would send it, but without the key")
                .doesNotContainKey("X-API-Key");
    }

    @Test
    void aTargetWithoutUrlGetsNoKeyAndNothingIsSent() {
        Paths paths = Feign.builder()
                .client(OasstFeign.client(okHttp))
                .requestInterceptor(OasstFeign.apiKeyInterceptor("test-api-key-123"))
                .target(Target.EmptyTarget.create(Paths.class));

        assertThat(catchThrowable(() -> paths.at(URI.create(server.baseUrl()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Feign target");
        assertThat(server.received()).isEmpty();
    }
}
