package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.internal.retry.Waiter;
import io.github.oasst.client.protocol.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared pieces of the client's tests. */
final class TestSupport {
    /** The key of the recorded exchanges. */
    static final String API_KEY = "test-api-key-123";

    static final User USER = User.local("java-verify-user", "Java Verify");

    private TestSupport() {}

    /** A WireMock server on a free loopback port. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** A client of the WireMock server, without retries. */
    static OasstClientBuilder clientOf(WireMockExtension server) {
        return OasstClient.builder().baseUrl(server.baseUrl()).apiKey(API_KEY).retryPolicy(RetryPolicy.disabled());
    }

    /** A clock that only moves when the retry loop waits, and waits that take no time. */
    static final class VirtualWaiter implements Waiter {
        private long now;
        private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long millis) {
            advance(millis);
        }

        @Override
        public void schedule(long millis, Runnable task) {
            advance(millis);
            task.run();
        }

        private synchronized void advance(long millis) {
            waits.add(millis);
            now += millis * 1_000_000;
        }

        /** The waits taken, in milliseconds, in order. */
        List<Long> waits() {
            synchronized (waits) {
                return List.copyOf(waits);
            }
        }
    }
}
