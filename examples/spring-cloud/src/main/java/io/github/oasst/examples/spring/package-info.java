/**
 * A Spring Boot application on the OASST Spring Boot starter: two properties, and a service written
 * against a Spring Cloud OpenFeign client of the tasks API that shares the auto-configured client's
 * components ({@link io.github.oasst.spring.boot.OasstFeignClientConfiguration}).
 */
@NullMarked
package io.github.oasst.examples.spring;

import org.jspecify.annotations.NullMarked;
