package io.github.oasst.examples.spring;

import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.spring.boot.OasstFeignClientConfiguration;
import org.springframework.cloud.openfeign.FeignClient;

/**
 * The client's Feign interface as a Spring Cloud OpenFeign client. The starter's {@link
 * OasstFeignClientConfiguration} gives it Feign's default contract (the interface's {@code
 * @RequestLine} annotations) and the auto-configured client's components: its transport, codec,
 * interceptors, and its retries, listeners and observations per method. Calls raise only {@link
 * io.github.oasst.client.api.OasstException}s.
 */
// tag::spring-feign-client[]
@FeignClient(name = "oasst", url = "${oasst.base-url}", configuration = OasstFeignClientConfiguration.class)
public interface OasstTasksClient extends OasstTasksApi {}
// end::spring-feign-client[]
