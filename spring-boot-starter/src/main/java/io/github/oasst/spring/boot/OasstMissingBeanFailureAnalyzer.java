package io.github.oasst.spring.boot;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a missing bean of the client's ({@code OasstClient}, {@code OasstTasksApi}, …): the
 * starter makes them only when {@code oasst.base-url} or {@code oasst.api-key} is set (and then
 * needs both). Before Spring Boot's own analysis of a missing bean, which would not say so.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class OasstMissingBeanFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {
    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getBeanType();
        if (type == null || !type.getName().startsWith("io.github.oasst.client.")) {
            return null;
        }
        return new FailureAnalysis(
                "A bean of type " + type.getName() + " is needed, and none was configured: the OASST starter"
                        + " configures the client and its interfaces when " + OasstSettings.BASE_URL + " and "
                        + OasstSettings.API_KEY + " are set, and neither is.",
                "Set " + OasstSettings.BASE_URL + " and " + OasstSettings.API_KEY
                        + " (or the environment variables OASST_BASE_URL and OASST_API_KEY), or define a bean of type "
                        + type.getSimpleName() + " of your own.",
                cause);
    }
}
