package io.github.oasst.spring.boot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot's actuator: the OASST API key masked in its endpoints, whatever they are set to
 * show; also when no client is configured, since the key may still be in the environment.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class OasstActuatorAutoConfiguration {
    @Bean
    SanitizingFunction oasstApiKeySanitizer() {
        return new OasstApiKeySanitizer();
    }
}
