package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstClientBuilder;
import io.github.oasst.client.OasstJson;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code oasst.*} properties checked before anything is built, each refusal naming the property
 * and what to set ({@link OasstConfigurationException}): both the base URL and the key, neither
 * blank, neither an unresolved placeholder, an {@code http(s)://} URL, a key that can go into a
 * header. No message repeats the key.
 */
final class OasstSettings {
    static final String BASE_URL = "oasst.base-url";
    static final String API_KEY = "oasst.api-key";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

    private OasstSettings() {}

    /** A builder with the properties applied: base URL, key, timeouts, log level, codec, user agent. */
    static OasstClientBuilder builder(OasstProperties properties, OasstJson json) {
        String baseUrl = baseUrl(properties);
        String apiKey = apiKey(properties);
        OasstClientBuilder builder = OasstClient.builder();
        try {
            builder.baseUrl(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new OasstConfigurationException(
                    BASE_URL, BASE_URL + ": " + e.getMessage(), "Set " + BASE_URL + " to the backend's http(s) URL.");
        }
        try {
            builder.apiKey(apiKey);
        } catch (IllegalArgumentException e) { // its message gives an index, never the key
            throw new OasstConfigurationException(
                    API_KEY,
                    API_KEY + ": " + e.getMessage(),
                    "Set " + API_KEY + " (or OASST_API_KEY) to the key exactly as the backend gave it.");
        }
        timeout("oasst.connect-timeout", () -> builder.connectTimeout(properties.getConnectTimeout()));
        timeout("oasst.read-timeout", () -> builder.readTimeout(properties.getReadTimeout()));
        timeout("oasst.call-timeout", () -> builder.callTimeout(properties.getCallTimeout()));
        builder.logLevel(properties.getLogLevel()).json(json);
        if (properties.getServerVersion() != null) {
            builder.serverVersion(properties.getServerVersion());
        }
        if (properties.getUserAgent() != null) {
            builder.userAgent(properties.getUserAgent());
        }
        return builder;
    }

    /** Sets a timeout, or refuses the start naming its property. */
    private static void timeout(String property, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw new OasstConfigurationException(
                    property, property + ": " + e.getMessage(), "Set " + property + " to a positive duration.");
        }
    }

    static String baseUrl(OasstProperties properties) {
        String url = required(properties.getBaseUrl(), BASE_URL, "OASST_BASE_URL", hasText(properties.getApiKey()));
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new OasstConfigurationException(
                    BASE_URL,
                    BASE_URL + " must start with http:// or https://, got " + shortened(url),
                    "Set " + BASE_URL
                            + " to the backend's URL with its scheme, for example https://backend.example.org.");
        }
        return url;
    }

    static String apiKey(OasstProperties properties) {
        return required(properties.getApiKey(), API_KEY, "OASST_API_KEY", hasText(properties.getBaseUrl()));
    }

    private static String required(@Nullable String value, String property, String variable, boolean otherSet) {
        if (value == null || value.isBlank()) {
            String which = value == null || value.isEmpty() ? " is not set" : " is blank";
            throw new OasstConfigurationException(
                    property,
                    property + which + (otherSet ? ", though " + other(property) + " is" : ""),
                    "Set " + property + " (or the environment variable " + variable + "): the client needs both "
                            + BASE_URL + " and " + API_KEY + ". To use no OASST client, remove the oasst.* "
                            + "properties, or define an OasstClient bean of your own.");
        }
        Set<String> unresolved = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            unresolved.add(matcher.group(1));
        }
        if (!unresolved.isEmpty()) {
            String names = String.join(", ", unresolved);
            throw new OasstConfigurationException(
                    property,
                    property + " holds the placeholder ${" + names + "}, which did not resolve",
                    "Set " + names + " in the environment (or as a property), or give " + property + " a default: ${"
                            + names + ":...}.");
        }
        return value.strip();
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String other(String property) {
        return property.equals(BASE_URL) ? API_KEY : BASE_URL;
    }

    /** A URL as far as a message shows it. */
    private static String shortened(String url) {
        return url.length() <= 60 ? url : url.substring(0, 60) + "…";
    }

    static RetryPolicy retryPolicy(OasstProperties.Retry retry) {
        if (!retry.isEnabled()) {
            return RetryPolicy.disabled();
        }
        try {
            RetryPolicy.Builder policy = RetryPolicy.builder()
                    .maxAttempts(retry.getMaxAttempts())
                    .initialBackoff(retry.getInitialBackoff())
                    .multiplier(retry.getMultiplier())
                    .maxBackoff(retry.getMaxBackoff())
                    .jitter(retry.getJitter())
                    .deadline(retry.getDeadline());
            if (retry.getAmbiguousInteractions() != null) {
                policy.retryAmbiguousInteractions(retry.getAmbiguousInteractions());
            }
            return policy.build();
        } catch (IllegalArgumentException | IllegalStateException e) { // a value, or two that do not fit
            throw new OasstConfigurationException(
                    "oasst.retry.*", "oasst.retry: " + e.getMessage(), "Correct the oasst.retry.* setting it names.");
        }
    }
}
