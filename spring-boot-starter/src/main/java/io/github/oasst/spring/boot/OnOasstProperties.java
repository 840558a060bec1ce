package io.github.oasst.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Either {@code oasst.base-url} or {@code oasst.api-key} is set: the application means to have a
 * client, and one without the other stops the start, saying which is missing. Only whether they
 * are there counts, not their values, so that a placeholder that does not resolve ({@code
 * ${OASST_API_KEY}}) reaches {@link OasstSettings}, which names it.
 */
class OnOasstProperties extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        for (String property : new String[] {OasstSettings.BASE_URL, OasstSettings.API_KEY}) {
            if (environment.containsProperty(property)) {
                return ConditionOutcome.match(property + " is set");
            }
        }
        return ConditionOutcome.noMatch(
                "neither " + OasstSettings.BASE_URL + " nor " + OasstSettings.API_KEY + " is set");
    }
}
