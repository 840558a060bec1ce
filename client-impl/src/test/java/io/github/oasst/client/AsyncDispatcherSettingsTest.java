package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.internal.http.VirtualThreads;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The switch and the bound of the client's own OkHttp dispatcher, on every JDK: virtual threads
 * where the JVM has them (see {@link VirtualThreadsTest} on Java 21 and later), nothing changed on
 * Java 17, a caller's OkHttp client used as it is.
 */
class AsyncDispatcherSettingsTest {
    private static OasstClientBuilder builder() {
        return OasstClient.builder().baseUrl("http://127.0.0.1:1").apiKey(API_KEY);
    }

    @Test
    void virtualThreadsAreAvailableFromJava21On() {
        assertThat(VirtualThreads.available()).isEqualTo(Runtime.version().feature() >= 21);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aBoundBelowOneIsRefusedAtOnce(int bound) {
        assertThatThrownBy(() -> builder().maxAsyncRequests(bound))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAsyncRequests must be positive, got " + bound);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theBoundSetIsTheDispatchersInAllAndPerHost(boolean virtualThreads) {
        try (OasstClient client =
                builder().virtualThreads(virtualThreads).maxAsyncRequests(200).build()) {
            Dispatcher dispatcher = client.ownedHttpClient().dispatcher();

            assertThat(dispatcher.getMaxRequests()).isEqualTo(200);
            assertThat(dispatcher.getMaxRequestsPerHost()).isEqualTo(200);
        }
    }

    @Test
    void aBoundWithTheCallersOkHttpClientIsRefusedAtBuild() {
        OasstClientBuilder builder = builder().okHttpClient(new OkHttpClient()).maxAsyncRequests(10);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxAsyncRequests applies to the client's own OkHttp client only");
    }

    @Test
    void theCallersOkHttpClientKeepsItsDispatcherWhateverTheSwitch() {
        Dispatcher own = new Dispatcher();
        own.setMaxRequests(7);
        OkHttpClient given = new OkHttpClient.Builder().dispatcher(own).build();

        try (OasstClient client =
                builder().okHttpClient(given).virtualThreads(true).build()) {
            OkHttpClient used =
                    client.feign().client() instanceof io.github.oasst.client.internal.http.OkHttpFeignClient f
                            ? f.okHttpClient()
                            : null;

            assertThat(client.ownedHttpClient()).isNull();
            assertThat(used).isNotNull();
            assertThat(used.dispatcher()).isSameAs(own);
            assertThat(own.getMaxRequests()).isEqualTo(7);
        }
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void beforeJava21TheSwitchChangesNothing() throws Exception {
        try (OasstClient client = builder().virtualThreads(true).build()) {
            Dispatcher dispatcher = client.ownedHttpClient().dispatcher();
            Thread thread =
                    dispatcher.executorService().submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

            assertThat(thread.getName()).startsWith("OkHttp Dispatcher");
            assertThat(thread.isDaemon()).isTrue();
            assertThat(dispatcher.getMaxRequests()).isEqualTo(OasstClient.DEFAULT_MAX_REQUESTS);
            assertThat(dispatcher.getMaxRequestsPerHost()).isEqualTo(OasstClient.DEFAULT_MAX_REQUESTS);
        }
    }
}
