package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import feign.QueryMapEncoder;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstUsersApi;
import io.github.oasst.client.data.UserMessageQuery;
import io.github.oasst.client.data.UserUpdate;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.ReceivedRequest;
import io.github.oasst.spring.boot.OasstFeignClientConfiguration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.SpringFieldQueryMapEncoder;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A query object through a Spring Cloud OpenFeign client of a data interface, which has Spring
 * Cloud's own {@code QueryMapEncoder}: the backend receives the same query, byte for byte, as from the
 * client's own interface, every hostile value escaped (a query object is a map, which Feign sends
 * without any encoder).
 */
@SpringBootTest(
        classes = {OasstSpringCloudExample.class, QueryObjectsThroughSpringCloudTest.Clients.class},
        properties = "oasst.round.enabled=false")
class QueryObjectsThroughSpringCloudTest {
    private static final FakeOasstBackend BACKEND = FakeOasstBackend.start();
    private static final UUID USER_ID = UUID.fromString("5b0b3c3e-56a5-4e4e-9d57-6cbb1b0d32a1");

    /** The users interface as a Spring Cloud OpenFeign client. */
    @FeignClient(name = "oasst-users", url = "${oasst.base-url}", configuration = OasstFeignClientConfiguration.class)
    interface UsersClient extends OasstUsersApi {}

    @Configuration(proxyBeanMethods = false)
    @EnableFeignClients(clients = UsersClient.class)
    static class Clients {}

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("oasst.base-url", BACKEND::baseUrl);
        registry.add("oasst.api-key", BACKEND::apiKey);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Autowired
    UsersClient feignClient;

    @Autowired
    OasstClient client;

    @Autowired
    FeignClientFactory feignClients;

    @BeforeEach
    void resetBackend() {
        BACKEND.reset();
    }

    private static ReceivedRequest last() {
        return BACKEND.received().get(BACKEND.received().size() - 1);
    }

    @Test
    void theFeignClientHasSpringCloudsOwnQueryMapEncoder() {
        assertThat(feignClients.getInstance("oasst-users", QueryMapEncoder.class))
                .as("the encoder a query object is not given to")
                .isInstanceOf(SpringFieldQueryMapEncoder.class);
    }

    @Test
    void aQueryObjectIsSentAsTheClientSendsIt() {
        UserMessageQuery query = UserMessageQuery.builder()
                .lang("p%41x a+b&c=d#e,f\r\n{g}\u00e9")
                .startDate(Instant.parse("2023-01-01T00:00:00.5Z"))
                .maxCount(10)
                .desc(false)
                .build();

        feignClient.getUserMessages(USER_ID, query);
        ReceivedRequest viaSpringCloud = last();
        client.data().users().getUserMessages(USER_ID, query);
        ReceivedRequest viaClient = last();

        assertThat(viaSpringCloud.path()).isEqualTo(viaClient.path()).endsWith("/users/" + USER_ID + "/messages");
        assertThat(viaSpringCloud.query())
                .isEqualTo(viaClient.query())
                .isEqualTo("max_count=10&start_date=2023-01-01T00%3A00%3A00.500Z&desc=false"
                        + "&lang=p%2541x%20a%2Bb%26c%3Dd%23e%2Cf%0D%0A%7Bg%7D%C3%A9");
    }

    @Test
    void anUpdateIsSentAsTheClientSendsIt() {
        UserUpdate update = UserUpdate.builder().notes("50% off").enabled(true).build();

        try {
            feignClient.updateUser(USER_ID, update);
        } catch (RuntimeException unknownUser) {
            // the fake 2023-01 backend has no such route: what was sent is what counts
        }
        ReceivedRequest viaSpringCloud = last();
        try {
            client.data().users().updateUser(USER_ID, update);
        } catch (RuntimeException unknownUser) {
            // as above
        }
        ReceivedRequest viaClient = last();

        assertThat(viaSpringCloud.method()).isEqualTo(viaClient.method()).isEqualTo("PUT");
        assertThat(viaSpringCloud.query()).isEqualTo(viaClient.query()).isEqualTo("enabled=true&notes=50%25%20off");
    }
}
