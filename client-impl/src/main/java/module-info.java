/**
 * The OASST client: {@link io.github.oasst.client.OasstClient} and its builder, the Feign components
 * ({@link io.github.oasst.client.OasstFeign}), the JSON choice ({@link io.github.oasst.client.OasstJson})
 * and the retry values of {@link io.github.oasst.client.retry}. The {@code internal} packages are not
 * exported: they are not API.
 *
 * <p>Jackson 3 is optional: {@link io.github.oasst.client.OasstJson#jackson3()} needs {@code
 * tools.jackson.databind} in the module graph (a module of the application that requires it, or
 * {@code --add-modules tools.jackson.databind}).
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.oasst.client {
    requires transitive io.github.oasst.client.api;
    requires transitive feign.core;
    requires transitive okhttp3;
    requires transitive io.github.resilience4j.retry;
    requires transitive io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.core;
    requires com.fasterxml.jackson.databind;
    requires static tools.jackson.databind;
    requires org.slf4j;
    requires org.jspecify;

    exports io.github.oasst.client;
    exports io.github.oasst.client.retry;

    // Feign calls a capability's enrich methods reflectively (Capability.invoke): the client's
    // capability must be accessible to it, and to it alone
    exports io.github.oasst.client.internal.feign to
            feign.core;
}
