package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClientBuilder;

/**
 * Changes the builder of the auto-configured {@code OasstClient} after the properties were applied,
 * for what they do not cover (an {@code OkHttpClient} of the application's, a scheduler, listeners).
 * Every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface OasstClientBuilderCustomizer {
    void customize(OasstClientBuilder builder);
}
