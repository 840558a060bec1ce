package io.github.oasst.client.testkit;

/**
 * WireMock, read from this module. On the module path the testkit is a named module that requires no
 * WireMock module: WireMock's standalone jar stays on the class path (see {@code module-info.java}),
 * and a named module reads the class path only once it asks to, before the first WireMock class is
 * loaded. On the class path this is a no-op.
 */
final class WireMockModule {
    private static final String WIREMOCK_SERVER = "com.github.tomakehurst.wiremock.WireMockServer";

    private WireMockModule() {}

    /** Makes this module read the module WireMock is in: the class path's, or its own. */
    static void read() {
        Class<?> server;
        try {
            server = Class.forName(WIREMOCK_SERVER, false, WireMockModule.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "WireMock is not on the class path: the testkit needs org.wiremock:wiremock-standalone", e);
        }
        WireMockModule.class.getModule().addReads(server.getModule());
    }
}
