package io.github.oasst.spring.boot;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the API key in the actuator's {@code configprops} and {@code env} endpoints, also when they
 * are set to show values: {@code oasst.api-key} (the {@code apiKey} of {@link OasstProperties}) and
 * the {@code OASST_API_KEY} environment variable.
 */
final class OasstApiKeySanitizer implements SanitizingFunction {
    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return key.equals("apikey") || key.endsWith("oasstapikey") ? data.withSanitizedValue() : data;
    }
}
