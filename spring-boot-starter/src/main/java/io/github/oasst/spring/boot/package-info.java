/**
 * Spring Boot auto-configuration of the OASST client: {@link
 * io.github.oasst.spring.boot.OasstAutoConfiguration} makes an {@code OasstClient} and its {@code
 * OasstTasksApi} from {@link io.github.oasst.spring.boot.OasstProperties}, with the application's
 * Resilience4j registries, Micrometer observations and a health indicator when it has them.
 */
@NullMarked
package io.github.oasst.spring.boot;

import org.jspecify.annotations.NullMarked;
