/**
 * A Spring Boot application with a Spring Cloud OpenFeign client of the OASST tasks API, built from
 * the client's Feign components ({@link io.github.oasst.client.OasstFeign}) and retried with the
 * client's Resilience4j retries ({@link io.github.oasst.client.OasstRetries}).
 */
@NullMarked
package io.github.oasst.examples.spring;

import org.jspecify.annotations.NullMarked;
