/**
 * The OASST backend's API as OpenFeign interfaces ({@link io.github.oasst.client.api}), the records
 * of the tasks protocol ({@link io.github.oasst.client.protocol}) and of the rest of the API ({@link
 * io.github.oasst.client.data}), and the client's exceptions.
 *
 * <p>The records are read and written by Jackson: their packages are open to Jackson 2's and Jackson
 * 3's databind only, so that either can bind them on the module path.
 */
@SuppressWarnings("module") // the opens name Jackson's modules, which client-api does not depend on
module io.github.oasst.client.api {
    requires transitive feign.core;
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive org.jspecify;

    exports io.github.oasst.client.api;
    exports io.github.oasst.client.protocol;
    exports io.github.oasst.client.data;
    // the argument checks and status texts the records share; the testkit's fault bodies use the texts
    exports io.github.oasst.client.internal to
            io.github.oasst.client.testkit;

    opens io.github.oasst.client.protocol to
            com.fasterxml.jackson.databind,
            tools.jackson.databind;
    opens io.github.oasst.client.data to
            com.fasterxml.jackson.databind,
            tools.jackson.databind;
}
