/**
 * A fake OASST backend for tests: {@link io.github.oasst.client.testkit.FakeOasstBackend} and its
 * JUnit 5 extension.
 *
 * <p>The backend runs on WireMock's standalone jar, which stays on the class path: it is no module
 * of its own (an automatic module named after its file), and it carries a copy of JSpecify's
 * annotations package, which cannot share a module graph with the {@code org.jspecify} module that the
 * client requires. This module reads the class path's unnamed module for it (when compiled, with
 * {@code --add-reads}; when run, by itself before the first WireMock class is loaded).
 */
@SuppressWarnings("requires-automatic") // Spring's jars, optional, are automatic modules
module io.github.oasst.client.testkit {
    requires transitive io.github.oasst.client.api;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires org.jspecify;

    // @WithFakeOasstBackend, for Spring tests only
    requires static spring.beans;
    requires static spring.context;
    requires static spring.core;
    requires static spring.test;

    exports io.github.oasst.client.testkit;
    exports io.github.oasst.client.testkit.spring;

    // the fake's answers are written by Jackson 2 from records of its own
    opens io.github.oasst.client.testkit to
            com.fasterxml.jackson.databind;
    // Spring makes the context customizer and listener named in META-INF/spring.factories
    opens io.github.oasst.client.testkit.spring to
            spring.core;
}
