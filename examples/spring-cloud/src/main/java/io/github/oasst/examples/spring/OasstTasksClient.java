package io.github.oasst.examples.spring;

import io.github.oasst.client.api.OasstTasksApi;
import org.springframework.cloud.openfeign.FeignClient;

/**
 * The client's Feign interface as a Spring Cloud OpenFeign client. {@link OasstFeignConfiguration}
 * gives it Feign's default contract (the interface's {@code @RequestLine} annotations) and the
 * client's components; calls raise only {@link io.github.oasst.client.api.OasstException}s and are
 * not retried here: {@link FrontendTasks} retries them.
 */
// tag::spring-feign-client[]
@FeignClient(name = "oasst", url = "${oasst.backend-url}", configuration = OasstFeignConfiguration.class)
public interface OasstTasksClient extends OasstTasksApi {}
// end::spring-feign-client[]
