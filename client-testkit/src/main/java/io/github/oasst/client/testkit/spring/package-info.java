/**
 * The fake backend in Spring tests: {@link io.github.oasst.client.testkit.spring.WithFakeOasstBackend}
 * on a test class gives its application context a running {@link
 * io.github.oasst.client.testkit.FakeOasstBackend} and sets {@code oasst.base-url} and {@code
 * oasst.api-key}, without any code. Needs Spring's {@code spring-test} (an optional dependency of the
 * testkit); the rest of the testkit does not.
 */
@NullMarked
package io.github.oasst.client.testkit.spring;

import org.jspecify.annotations.NullMarked;
