/**
 * An application of the client on the module path: it requires the client's module and the
 * testkit's, and reads only what they export.
 */
module io.github.oasst.examples.modular {
    requires io.github.oasst.client;
    requires io.github.oasst.client.testkit;
}
