package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Capability;
import feign.Client;
import feign.Contract;
import feign.DefaultContract;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.testkit.FakeOasstBackend;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the {@code oasst} Feign client is built from: the client's components in the client's own
 * context, none of them in the application context, and the versions this project aligns.
 */
@SpringBootTest(properties = "oasst.round.enabled=false")
class FeignWiringTest {
    private static final FakeOasstBackend BACKEND = FakeOasstBackend.start();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("oasst.backend-url", BACKEND::baseUrl);
        registry.add("oasst.api-key", BACKEND::apiKey);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Autowired
    ApplicationContext application;

    @Autowired
    FeignClientFactory feignClients;

    private <T> T ofClient(Class<T> type) {
        T bean = feignClients.getInstance("oasst", type);
        assertThat(bean).as("%s of the oasst client", type.getSimpleName()).isNotNull();
        return bean;
    }

    @Test
    void clientUsesFeignsDefaultContract() {
        assertThat(ofClient(Contract.class)).isInstanceOf(DefaultContract.class);
    }

    @Test
    void codecIsTheClientsOwnOnJackson2() {
        assertThat(ofClient(Encoder.class).getClass().getName())
                .isEqualTo("io.github.oasst.client.internal.codec.JsonEncoder");
        assertThat(ofClient(Decoder.class).getClass().getName())
                .isEqualTo("io.github.oasst.client.internal.codec.OasstDecoder");
        assertThat(ofClient(ErrorDecoder.class).getClass().getName())
                .isEqualTo("io.github.oasst.client.internal.codec.OasstErrorDecoder");
    }

    @Test
    void feignNeverRetriesAndTheCapabilityTranslatesFailures() {
        assertThat(ofClient(Retryer.class)).isSameAs(Retryer.NEVER_RETRY);
        assertThat(feignClients.getInstances("oasst", Capability.class)).hasSize(1);
    }

    @Test
    void clientSendsWithOkHttpWithoutFollowingRedirects() {
        assertThat(ofClient(Client.class).getClass().getName())
                .isEqualTo("io.github.oasst.client.internal.http.OkHttpFeignClient");
        Request.Options options = ofClient(Request.Options.class);
        assertThat(options.isFollowRedirects()).isFalse();
        assertThat(options.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(options.readTimeoutMillis()).isEqualTo(30_000);
    }

    @Test
    void interceptorsAddTheKeyAndUserAgentWithoutShowingTheKey() {
        assertThat(feignClients.getInstances("oasst", RequestInterceptor.class).values())
                .hasSize(2)
                .allSatisfy(interceptor -> assertThat(interceptor.toString()).doesNotContain(BACKEND.apiKey()));
    }

    @Test
    void applicationContextHoldsNoneOfTheClientsFeignBeans() {
        for (Class<?> type : new Class<?>[] {
            Contract.class,
            Encoder.class,
            Decoder.class,
            ErrorDecoder.class,
            Client.class,
            Retryer.class,
            Capability.class,
            RequestInterceptor.class
        }) {
            assertThat(application.getBeanNamesForType(type))
                    .as("%s beans in the application context", type.getSimpleName())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                feign.Feign.class,
                com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class
            })
    void runsOnTheVersionsTheProjectAligns(Class<?> type) throws URISyntaxException {
        String jar = Path.of(
                        type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getFileName()
                .toString();
        String expected = type.getName().startsWith("feign.")
                ? System.getProperty("expected.feign.version")
                : System.getProperty("expected.jackson.version");

        assertThat(expected).isNotBlank();
        assertThat(jar).endsWith("-" + expected + ".jar");
    }
}
