package io.github.oasst.examples.spring;

import io.github.oasst.client.RetryPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code oasst.*} properties, validated when bound. {@code application.properties} takes the
 * backend URL and the key from {@code OASST_BACKEND_URL} and {@code OASST_API_KEY}.
 *
 * <p>The key is never shown: {@link #toString()} redacts it, and its only constraint is {@code
 * NotBlank}, so a failed validation has no value to print. The client checks its characters when the
 * interceptor is built, with a message that names an index, never the key.
 *
 * @param backendUrl the backend's base URL, {@code http} or {@code https}, without query or fragment
 * @param apiKey the key sent as {@code X-API-Key}
 * @param connectTimeout time to establish a connection
 * @param readTimeout longest silence while sending or receiving
 * @param callTimeout longest time of one attempt
 * @param retry how calls are retried
 */
@ConfigurationProperties("oasst")
@Validated
public record OasstProperties(
        @NotNull
        @Pattern(
                regexp = "https?://[^\\s?#@]+",
                message = "must be an http or https URL without credentials, query or fragment")
        String backendUrl,

        @NotBlank String apiKey,
        @DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue("60s") @NotNull Duration callTimeout,
        @DefaultValue @Valid Retry retry) {

    /**
     * The retry policy's settings, {@code oasst.retry.*}; the defaults are {@link
     * RetryPolicy#defaults()}'s.
     *
     * @param maxAttempts attempts per call, the first included; 1 turns retries off
     * @param initialBackoff the first wait
     * @param maxBackoff the longest wait
     * @param jitter how far each wait may stray from its value, a fraction in [0, 1]
     * @param deadline no attempt starts later than this after the first
     */
    public record Retry(
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("200ms") @NotNull Duration initialBackoff,
            @DefaultValue("5s") @NotNull Duration maxBackoff,

            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0")
            double jitter,

            @DefaultValue("30s") @NotNull Duration deadline) {

        /** The client's retry policy with these settings, for every operation. */
        public RetryPolicy toPolicy() {
            return RetryPolicy.builder()
                    .maxAttempts(maxAttempts)
                    .initialBackoff(initialBackoff)
                    .maxBackoff(maxBackoff)
                    .jitter(jitter)
                    .deadline(deadline)
                    .build();
        }
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "OasstProperties[backendUrl=" + backendUrl + ", apiKey=<redacted>, connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", retry=" + retry + "]";
    }
}
