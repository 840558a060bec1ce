package io.github.oasst.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up that failed on an {@code oasst.*} property: which one, and what to set. */
class OasstConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<OasstConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OasstConfigurationException cause) {
        return new FailureAnalysis(
                "The OASST client cannot be configured: " + cause.getMessage(), cause.action(), cause);
    }
}
