package io.github.oasst.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up that failed for want of an {@code oasst.*} property, and what to set. */
class OasstConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<OasstConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OasstConfigurationException cause) {
        return new FailureAnalysis(
                "The OASST client cannot be configured: " + cause.getMessage(),
                "Set " + cause.property() + " (oasst.base-url and oasst.api-key, or the environment variables"
                        + " OASST_BASE_URL and OASST_API_KEY), or define an OasstClient bean of your own.",
                cause);
    }
}
