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
module io.github.oasst.client.testkit {
    requires transitive io.github.oasst.client.api;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires org.jspecify;

    exports io.github.oasst.client.testkit;

    // the fake's answers are written by Jackson 2 from records of its own
    opens io.github.oasst.client.testkit to
            com.fasterxml.jackson.databind;
}
