package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.API_KEY;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Shared pieces of the transport equivalence tests: a Feign client of the tasks interface on Feign's
 * stock modules, and the outcome of a call as a text to compare across the two transports.
 */
final class TransportEquivalenceSupport {
    static final UUID TASK_ID = UUID.fromString("746216f8-9715-4061-8a35-22cb7618b588");
    static final String TASK = "{\"id\":\"" + TASK_ID + "\",\"type\":\"initial_prompt\",\"hint\":\"Café\"}";

    private TransportEquivalenceSupport() {}

    /**
     * A Feign client of the interface built from Feign's own modules: feign-okhttp's client on a
     * hardened copy of the given OkHttp client, feign-jackson's encoder with the same ObjectMapper
     * settings, the given options; the client's decoders, interceptors and capability.
     */
    static OasstTasksApi stock(okhttp3.OkHttpClient http, String baseUrl, Request.Options options) {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        okhttp3.OkHttpClient hardened = http.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        return Feign.builder()
                .client(new feign.okhttp.OkHttpClient(hardened))
                .options(new Request.Options(
                        options.connectTimeoutMillis(),
                        TimeUnit.MILLISECONDS,
                        options.readTimeoutMillis(),
                        TimeUnit.MILLISECONDS,
                        false))
                .encoder(new JacksonEncoder(mapper))
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .requestInterceptor(OasstFeign.apiKeyInterceptor(API_KEY))
                .requestInterceptor(OasstFeign.userAgentInterceptor("equivalence-test/1"))
                .retryer(Retryer.NEVER_RETRY)
                .addCapability(OasstFeign.capability())
                .target(OasstTasksApi.class, baseUrl);
    }

    /** A call of the tasks interface. */
    interface ApiCall {
        Object call(OasstTasksApi api);
    }

    /**
     * The value, or the exception with everything that callers can see of it; of a transport
     * failure its failure class and cause, not its kind and message: only the client's transport
     * knows whether the request had gone out, Feign's stock client says {@code IO_ERROR} for any I/O
     * failure ({@link TransportEquivalenceTest#transportFailuresAreTheClientsAndMorePrecise} checks
     * the kinds).
     */
    static String outcome(ApiCall call, OasstTasksApi api) {
        try {
            return "value: " + call.call(api);
        } catch (OasstTransportException e) {
            return "OasstTransportException | " + e.failureClass() + " | cause "
                    + (e.getCause() == null ? null : e.getCause().getClass());
        } catch (OasstException e) {
            // the note of the client's retries (stock Feign has none): what the call may have done
            String message = e.getMessage().replace("; " + e.note().orElse("\u0000"), "");
            StringBuilder text = new StringBuilder(e.getClass().getSimpleName())
                    .append(": ")
                    .append(message)
                    .append(" | ")
                    .append(e.failureClass());
            if (e instanceof OasstError error) {
                text.append(" | status ")
                        .append(error.status())
                        .append(" | code ")
                        .append(error.errorCode())
                        .append(" | retry after ")
                        .append(error.retryAfter())
                        .append(" | validation ")
                        .append(error.validationErrors());
            }
            text.append(" | cause ")
                    .append(e.getCause() == null ? null : e.getCause().getClass());
            return text.toString();
        } catch (RuntimeException e) {
            return "unexpected " + e;
        }
    }
}
