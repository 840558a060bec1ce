package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import feign.RequestLine;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstUserHeader;
import io.github.oasst.client.api.PathSegment;
import io.github.oasst.client.api.QueryValue;
import io.github.oasst.client.data.QueryParameters;
import io.github.oasst.client.fixtures.HostileText;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.oasst.client.wire.WireCalls.Call;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every path and query parameter of every interface the client hands out, and every field of its
 * query objects, through the real transport to a socket that records the request line: a text
 * arrives as exactly the value the server decodes back to the caller's text (one segment in a path),
 * or the call is refused before anything is sent with an {@link IllegalArgumentException} naming the
 * parameter (a query object's field: by its {@code build()}). Texts: {@link HostileText}
 * (hand-picked attacks and {@value #GENERATED} generated ones per parameter, from a seed a failure
 * names; {@code -Doasst.seed=N} runs others).
 */
class ExactValuesOnTheWireTest {
    private static final int GENERATED = 250;
    private static final String BASE_PATH = "/base";

    private static RawHttpServer server;
    private static OasstClient client;
    private static Map<Class<?>, Object> interfaces;

    @BeforeAll
    static void start() throws Exception {
        server = RawHttpServer.start();
        client = OasstClient.builder()
                .baseUrl(server.baseUrl() + BASE_PATH)
                .apiKey("test-api-key-123")
                .retryPolicy(RetryPolicy.disabled())
                .build();
        interfaces = WireCalls.interfaces(client);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyTextParameterArrivesAsExactlyTheCallersTextOrIsRefusedBeforeSending() {
        List<DynamicTest> tests = new ArrayList<>();
        interfaces.forEach((api, proxy) -> {
            for (Method method : WireCalls.methods(api)) {
                for (Slot slot : Slot.of(method)) {
                    if (WireCalls.TEXT_TYPES.contains(slot.type())) {
                        tests.add(DynamicTest.dynamicTest(
                                api.getSimpleName() + "." + method.getName() + "(" + slot.label() + ")",
                                () -> everyCase(proxy, api, method, slot)));
                    }
                }
            }
        });
        assertThat(tests).hasSizeGreaterThan(50);
        assertThat(tests)
                .as("the text fields of the query objects are among them")
                .anyMatch(test -> test.getDisplayName().endsWith("(MessageQuery.username)"))
                .anyMatch(test -> test.getDisplayName().endsWith("(UserCursorQuery.sortKey)"));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyOtherParameterArrivesAsItsText() {
        List<DynamicTest> tests = new ArrayList<>();
        interfaces.forEach((api, proxy) -> {
            for (Method method : WireCalls.methods(api)) {
                tests.add(DynamicTest.dynamicTest(api.getSimpleName() + "." + method.getName(), () -> {
                    Random random = new Random(HostileText.baseSeed());
                    for (int round = 0; round < 50; round++) {
                        Call call = WireCalls.generate(
                                method,
                                random,
                                slot -> "text-" + random.nextInt(1000),
                                slot -> random.nextInt(4) == 0); // an optional value left out is not sent
                        String label = "round " + round + " of seed " + HostileText.baseSeed();
                        assertThat(call.refusal()).as(label).isNull();
                        sendAndCheck(proxy, api, method, call, label);
                    }
                }));
            }
        });
        return tests.stream();
    }

    @Test
    void everyDeclaredParameterIsEscapedOrOfATypeWhoseTextIsSafe() {
        List<String> problems = new ArrayList<>();
        interfaces.keySet().forEach(api -> {
            for (Method method : WireCalls.methods(api)) {
                String where = api.getSimpleName() + "." + method.getName();
                if (method.getAnnotation(RequestLine.class).decodeSlash()) {
                    problems.add(where + ": @RequestLine without decodeSlash = false");
                }
                DeclaredRoute route = DeclaredRoute.of(method);
                for (int i = 0; i < method.getParameterCount(); i++) {
                    String name = WireCalls.paramName(method, i);
                    Class<?> type = method.getParameterTypes()[i];
                    if (Slot.isQueryObject(method, i)) {
                        queryObjectProblems(where, type, problems);
                        continue;
                    }
                    if (name == null) {
                        continue;
                    }
                    Class<?> expander = WireCalls.expander(method, i);
                    if (WireCalls.headerOf(method, name) != null) {
                        if (!WireCalls.HEADER_TYPES.contains(type) || expander != OasstUserHeader.class) {
                            problems.add(where + "(" + name + "): a header parameter without OasstUserHeader");
                        }
                    } else if (WireCalls.TEXT_TYPES.contains(type)) {
                        Class<?> expected = route.pathVariables().contains(name) ? PathSegment.class : QueryValue.class;
                        if (expander != expected) {
                            problems.add(where + "(" + name + "): " + type.getSimpleName() + " without expander "
                                    + expected.getSimpleName());
                        }
                    } else if (!WireCalls.OTHER_TYPES.contains(type) || expander != null) {
                        problems.add(where + "(" + name + "): " + type.getName()
                                + " is not a type the wire tests generate; add it to WireCalls");
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    /**
     * A query object must be a {@link QueryParameters}, a map of escaped values that Feign sends as it
     * is whatever its encoder, with fields of types the tests generate.
     */
    private static void queryObjectProblems(String where, Class<?> type, List<String> problems) {
        if (!QueryParameters.class.isAssignableFrom(type)) {
            problems.add(where + ": the @QueryMap " + type.getName() + " is not a QueryParameters");
            return;
        }
        List<Method> setters = Slot.setters(type);
        if (setters.isEmpty()) {
            problems.add(where + ": " + type.getSimpleName() + " has no field the wire tests can set");
        }
        for (Method setter : setters) {
            Class<?> field = setter.getParameterTypes()[0];
            if (!WireCalls.TEXT_TYPES.contains(field) && !WireCalls.OTHER_TYPES.contains(field)) {
                problems.add(where + "(" + type.getSimpleName() + "." + setter.getName() + "): " + field.getName()
                        + " is not a type the wire tests generate; add it to WireCalls");
            }
        }
    }

    private static void everyCase(Object proxy, Class<?> api, Method method, Slot slot) throws Throwable {
        boolean path = !slot.inQueryObject()
                && DeclaredRoute.of(method).pathVariables().contains(slot.name());
        Random random = new Random(HostileText.baseSeed());
        List<String> failures = new ArrayList<>();
        for (HostileText.Case textCase : HostileText.cases(GENERATED)) {
            String text = textCase.text();
            Call call;
            try {
                call = WireCalls.generate(
                        method, random, s -> s.equals(slot) ? text : "v" + random.nextInt(1000), s -> false);
            } catch (IllegalArgumentException blankAuthMethod) {
                assertThat(text).as(textCase.toString()).isBlank(); // AuthMethod refuses a blank name itself
                continue;
            }
            try {
                boolean mustRefuse = refused(text, path, slot);
                if (call.refusal() != null && !mustRefuse) {
                    throw new AssertionError("refused by the query's build(): " + call.refusal());
                }
                if (mustRefuse) {
                    expectRefusal(proxy, api, method, slot, call);
                } else {
                    sendAndCheck(proxy, api, method, call, textCase.toString());
                }
            } catch (AssertionError e) {
                failures.add(textCase + ": " + e.getMessage());
            }
        }
        assertThat(failures)
                .as("cases that failed (rerun one with -Doasst.seed)")
                .isEmpty();
    }

    /**
     * What the client must refuse: no exact form (a lone surrogate), in a path no single segment,
     * in a query object a text longer than the schema allows.
     */
    static boolean refused(String text, boolean path, Slot slot) {
        if (!HostileText.isValidUnicode(text) || text.indexOf('\u0000') >= 0) {
            return true; // no exact form; NUL no backend can hold (it answers 500)
        }
        Integer bound = WireCalls.TEXT_BOUNDS.get(slot.label());
        if (bound != null && text.codePointCount(0, text.length()) > bound) {
            return true;
        }
        return path && (text.isEmpty() || text.equals(".") || text.equals("..") || text.contains("/"));
    }

    /**
     * The refusal names the value: a query object's {@code build()} refuses it (the call cannot be
     * made), or the call fails before sending.
     */
    private static void expectRefusal(Object proxy, Class<?> api, Method method, Slot slot, Call call) {
        if (slot.inQueryObject()) {
            assertThat(call.refusal())
                    .as("refused by the query's build()")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(slot.label() + " must ");
            return;
        }
        assertThat(call.refusal()).isNull();
        server.clear();
        Throwable failure = null;
        try {
            WireCalls.call(proxy, method, call.args());
        } catch (Throwable e) {
            failure = e;
        }
        assertThat(failure)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(api.getSimpleName() + "." + method.getName() + ": " + slot.name());
        assertThat(server.received()).as("nothing sent").isEmpty();
    }

    /**
     * One request arrives, on the method's route, and the server decodes exactly the values of the
     * call's slots from its path and query, nothing else; a header slot arrives in its header.
     */
    private static void sendAndCheck(Object proxy, Class<?> api, Method method, Call call, String label) {
        server.clear();
        try {
            WireCalls.call(proxy, method, call.args());
        } catch (OasstError expected) {
            // the recorder answers 404: what was sent is what counts
        } catch (Throwable e) {
            throw new AssertionError(label + ": the call failed with " + e, e);
        }
        List<RawHttpServer.Received> received = server.received();
        assertThat(received).as(label).hasSize(1);
        RawHttpServer.Received request = received.get(0);
        DeclaredRoute route = DeclaredRoute.of(method);
        assertThat(request.method()).isEqualTo(route.method());
        Map<String, String> expected = new LinkedHashMap<>();
        for (Slot slot : Slot.of(method)) {
            Object value = call.values().get(slot.name());
            String header = slot.inQueryObject() ? null : WireCalls.headerOf(method, slot.name());
            if (header != null) {
                assertThat(request.headers().get(header))
                        .as(label + ": the header " + header)
                        .containsExactly(WireCalls.wireText(value));
            } else if (value != null) {
                expected.put(slot.name(), WireCalls.wireText(value));
            }
        }
        assertThat(route.match(BASE_PATH, request.target()))
                .as(label + ": what the server decodes of " + request.requestLine())
                .isEqualTo(expected);
    }
}
