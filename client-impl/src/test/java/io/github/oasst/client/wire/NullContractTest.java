package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Feign;
import feign.Param;
import feign.RequestLine;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.retry.RetryPolicy;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The null contract holds where an interface declares it (JSpecify {@code @NullMarked}, as the
 * client's own do), and only there: a parameter of a user's interface that says nothing may be null,
 * as plain Feign allows.
 */
class NullContractTest {
    /** Says nothing about nulls. */
    interface Unmarked {
        @RequestLine("GET /items?q={q}")
        String find(@Param("q") String q);
    }

    @NullMarked
    interface Marked {
        @RequestLine("GET /items?q={q}")
        String find(@Param("q") String q);
    }

    private RawHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = RawHttpServer.start().answer(200, "ok");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private <T> T feign(Class<T> type) {
        return Feign.builder()
                .client(OasstFeign.client(new OkHttpClient()))
                .addCapability(OasstFeign.capability())
                .target(type, server.baseUrl());
    }

    @Test
    void aNullParameterOfAnInterfaceThatSaysNothingIsSentAsPlainFeignSendsIt() {
        assertThat(feign(Unmarked.class).find(null)).isEqualTo("ok");

        assertThat(server.received().get(0).requestLine()).isEqualTo("GET /items HTTP/1.1");
    }

    @Test
    void aNullWhereANullMarkedInterfaceSaysNonNullIsRefusedNamingIt() {
        assertThat(catchThrowable(() -> feign(Marked.class).find(null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Marked.find: q must not be null");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void theClientsOwnInterfacesRefuseANullBeforeSending() throws Exception {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey("test-api-key-123")
                .retryPolicy(RetryPolicy.disabled())
                .build()) {
            assertThat(catchThrowable(() -> client.data().frontendMessages().getMessage(null)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("OasstFrontendMessagesApi.getMessage: messageId must not be null");
        }
        assertThat(server.received()).isEmpty();
    }
}
