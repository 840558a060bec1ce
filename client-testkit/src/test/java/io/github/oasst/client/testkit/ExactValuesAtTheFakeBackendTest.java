package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.fixtures.HostileText;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.oasst.client.wire.DeclaredRoute;
import io.github.oasst.client.wire.Slot;
import io.github.oasst.client.wire.WireCalls;
import io.github.oasst.client.wire.WireCalls.Call;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every text parameter of every operation of the client's interfaces, and every text field of their
 * query objects, with hostile texts, through the real client to the fake backend (2023-05 mode): each
 * request arrives at its declared route with every value decoded back to the caller's, as the
 * backend decodes it, or the call is refused before sending (a query object's value by its {@code
 * build()}). The same property as the client's own wire test (against a raw socket), at a server.
 */
class ExactValuesAtTheFakeBackendTest {
    private static final int GENERATED = 60;

    private static FakeOasstBackend backend;
    private static OasstClient client;

    @BeforeAll
    static void start() {
        backend = FakeOasstBackend.builder()
                .serverVersion(OasstServerVersion.V2023_05)
                .apiKey("test-api-key-123")
                .start();
        client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey("test-api-key-123")
                .retryPolicy(RetryPolicy.disabled())
                .serverVersion(OasstServerVersion.V2023_05)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        backend.close();
    }

    @TestFactory
    Stream<DynamicTest> everyTextArrivesAtItsRouteAsTheCallersTextOrIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        WireCalls.interfaces(client).forEach((api, proxy) -> {
            for (Method method : WireCalls.methods(api)) {
                for (Slot slot : Slot.of(method)) {
                    if ((slot.inQueryObject() || WireCalls.headerOf(method, slot.name()) == null)
                            && WireCalls.TEXT_TYPES.contains(slot.type())) {
                        tests.add(DynamicTest.dynamicTest(
                                api.getSimpleName() + "." + method.getName() + "(" + slot.label() + ")",
                                () -> everyCase(proxy, method, slot)));
                    }
                }
            }
        });
        assertThat(tests).hasSizeGreaterThan(50);
        assertThat(tests)
                .as("the text fields of the query objects are among them")
                .anyMatch(test -> test.getDisplayName().endsWith("(UserQuery.searchText)"));
        return tests.stream();
    }

    private static void everyCase(Object proxy, Method method, Slot slot) {
        DeclaredRoute route = DeclaredRoute.of(method);
        boolean path = !slot.inQueryObject() && route.pathVariables().contains(slot.name());
        Random random = new Random(HostileText.baseSeed());
        List<String> failures = new ArrayList<>();
        for (HostileText.Case textCase : HostileText.cases(GENERATED)) {
            String text = textCase.text();
            Call call;
            try {
                call = WireCalls.generate(
                        method, random, s -> s.equals(slot) ? text : "v" + random.nextInt(1000), s -> false);
            } catch (IllegalArgumentException blankAuthMethod) {
                continue;
            }
            Integer bound = WireCalls.TEXT_BOUNDS.get(slot.label());
            boolean refused = !HostileText.isValidUnicode(text)
                    || text.indexOf('\u0000') >= 0
                    || (bound != null && text.codePointCount(0, text.length()) > bound)
                    || (path && (text.isEmpty() || text.equals(".") || text.equals("..") || text.contains("/")));
            if (call.refusal() != null) {
                if (!refused || !call.refusal().getMessage().startsWith(slot.label() + " must ")) {
                    failures.add(textCase + ": refused by the query's build(): " + call.refusal());
                }
                continue;
            }
            backend.reset(); // a short journal to read; these operations need no state
            Throwable failure = null;
            try {
                WireCalls.call(proxy, method, call.args());
            } catch (Throwable e) {
                failure = e;
            }
            List<ReceivedRequest> received = backend.received();
            if (refused) {
                if (!(failure instanceof IllegalArgumentException) || !received.isEmpty()) {
                    failures.add(textCase + ": not refused before sending: " + failure);
                }
                continue;
            }
            if (failure != null && !(failure instanceof OasstException)) {
                failures.add(textCase + ": " + failure);
                continue;
            }
            if (received.size() != 1) {
                failures.add(textCase + ": " + received.size() + " requests arrived");
                continue;
            }
            ReceivedRequest request = received.get(received.size() - 1);
            try {
                Map<String, String> decoded =
                        route.match("", request.path() + (request.query() == null ? "" : "?" + request.query()));
                if (!text.equals(decoded.get(slot.name()))) {
                    failures.add(textCase + ": the backend read " + decoded.get(slot.name()));
                }
            } catch (AssertionError e) {
                failures.add(textCase + ": " + e.getMessage());
            }
        }
        assertThat(failures)
                .as("cases that failed (rerun one with -Doasst.seed)")
                .isEmpty();
    }
}
