package io.github.oasst.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import feign.RequestLine;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstUserHeader;
import io.github.oasst.client.api.PathSegment;
import io.github.oasst.client.api.QueryValue;
import io.github.oasst.client.fixtures.HostileText;
import io.github.oasst.client.retry.RetryPolicy;
import java.lang.reflect.Method;
import java.util.ArrayList;
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
 * Every path and query parameter of every interface the client hands out, through the real transport
 * to a socket that records the request line: a text arrives as exactly the value the server
 * decodes back to the caller's text (one segment in a path), or the call is refused before anything
 * is sent with an {@link IllegalArgumentException} naming the parameter. Texts: {@link HostileText}
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
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (WireCalls.paramName(method, i) != null
                            && WireCalls.TEXT_TYPES.contains(method.getParameterTypes()[i])) {
                        int index = i;
                        tests.add(DynamicTest.dynamicTest(
                                api.getSimpleName() + "." + method.getName() + "(" + WireCalls.paramName(method, i)
                                        + ")",
                                () -> everyCase(proxy, api, method, index)));
                    }
                }
            }
        });
        assertThat(tests).hasSizeGreaterThan(40);
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
                        Object[] args = WireCalls.arguments(method, random, i -> "text-" + random.nextInt(1000));
                        for (int i = 0; i < args.length; i++) {
                            if (WireCalls.paramName(method, i) != null
                                    && !method.getParameterTypes()[i].isPrimitive()
                                    && random.nextInt(4) == 0
                                    && method.getAnnotatedParameterTypes()[i].isAnnotationPresent(
                                            org.jspecify.annotations.Nullable.class)) {
                                args[i] = null; // a null optional parameter is left out
                            }
                        }
                        sendAndCheck(proxy, api, method, args, "round " + round + " of seed " + HostileText.baseSeed());
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

    private static void everyCase(Object proxy, Class<?> api, Method method, int index) throws Throwable {
        boolean path = DeclaredRoute.of(method).pathVariables().contains(WireCalls.paramName(method, index));
        Random random = new Random(HostileText.baseSeed());
        List<String> failures = new ArrayList<>();
        for (HostileText.Case textCase : HostileText.cases(GENERATED)) {
            String text = textCase.text();
            Object[] args;
            try {
                args = WireCalls.arguments(method, random, i -> i == index ? text : "v" + random.nextInt(1000));
            } catch (IllegalArgumentException blankAuthMethod) {
                assertThat(text).as(textCase.toString()).isBlank(); // AuthMethod refuses a blank name itself
                continue;
            }
            try {
                if (refused(text, path)) {
                    expectRefusal(proxy, api, method, index, args);
                } else {
                    sendAndCheck(proxy, api, method, args, textCase.toString());
                }
            } catch (AssertionError e) {
                failures.add(textCase + ": " + e.getMessage());
            }
        }
        assertThat(failures)
                .as("cases that failed (rerun one with -Doasst.seed)")
                .isEmpty();
    }

    /** What the client must refuse: no exact form (a lone surrogate) and, in a path, no single segment. */
    private static boolean refused(String text, boolean path) {
        if (!HostileText.isValidUnicode(text) || text.indexOf('\u0000') >= 0) {
            return true; // no exact form; NUL no backend can hold (it answers 500)
        }
        return path && (text.isEmpty() || text.equals(".") || text.equals("..") || text.contains("/"));
    }

    private static void expectRefusal(Object proxy, Class<?> api, Method method, int index, Object[] args) {
        server.clear();
        Throwable failure = null;
        try {
            WireCalls.call(proxy, method, args);
        } catch (Throwable e) {
            failure = e;
        }
        assertThat(failure)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        api.getSimpleName() + "." + method.getName() + ": " + WireCalls.paramName(method, index));
        assertThat(server.received()).as("nothing sent").isEmpty();
    }

    private static void sendAndCheck(Object proxy, Class<?> api, Method method, Object[] args, String label) {
        server.clear();
        try {
            WireCalls.call(proxy, method, args);
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
        Map<String, String> decoded = route.match(BASE_PATH, request.target());
        for (int i = 0; i < args.length; i++) {
            String name = WireCalls.paramName(method, i);
            if (name == null) {
                continue;
            }
            String header = WireCalls.headerOf(method, name);
            if (header != null) {
                assertThat(request.headers().get(header))
                        .as(label + ": the header " + header)
                        .containsExactly(WireCalls.wireText(args[i]));
            } else if (args[i] == null) {
                assertThat(decoded).as(label + ": " + name + " left out").doesNotContainKey(name);
            } else {
                assertThat(decoded)
                        .as(label + ": " + name + " in " + request.requestLine())
                        .containsEntry(name, WireCalls.wireText(args[i]));
            }
        }
    }
}
