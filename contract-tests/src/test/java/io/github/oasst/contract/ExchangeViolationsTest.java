package io.github.oasst.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.contract.ExchangeRecorder.Exchange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The harness reads Prism's {@code sl-violations} header right, whole or cut. */
class ExchangeViolationsTest {
    private static final String REQUEST_VIOLATION = "{\"location\":[\"request\",\"body\",\"user\",\"auth_method\"],"
            + "\"severity\":\"Error\",\"code\":\"enum\",\"message\":\"Request body property user.auth_method must be"
            + " equal to one of the allowed values: discord, local\"}";
    private static final String RESPONSE_VIOLATION = "{\"location\":[\"response\",\"body\"],\"severity\":\"Error\","
            + "\"code\":\"required\",\"message\":\"Response body must have required property 'summary'\"}";

    @Test
    void noHeaderMeansNoViolation() {
        Exchange exchange = exchange(null);

        assertThat(exchange.hasRequestViolation()).isFalse();
        assertThat(exchange.hasResponseViolation()).isFalse();
    }

    @Test
    void requestAndResponseViolationsAreToldApart() {
        assertThat(exchange("[" + REQUEST_VIOLATION + "]").violationsOf("request"))
                .containsExactly("request.body.user.auth_method: Request body property user.auth_method must be"
                        + " equal to one of the allowed values: discord, local");
        assertThat(exchange("[" + REQUEST_VIOLATION + "]").hasResponseViolation())
                .isFalse();

        Exchange response = exchange("[" + RESPONSE_VIOLATION + "," + RESPONSE_VIOLATION + "]");
        assertThat(response.hasRequestViolation()).isFalse();
        assertThat(response.violationsOf("response"))
                .containsExactly(
                        "response.body: Response body must have required property 'summary'",
                        "response.body: Response body must have required property 'summary'");
    }

    @Test
    void aTruncatedHeaderStillTellsRequestFromResponseViolations() {
        String truncated =
                "Too many violations! [" + RESPONSE_VIOLATION + "," + RESPONSE_VIOLATION + ",{\"location\":[\"resp";

        Exchange exchange = exchange(truncated);

        assertThat(exchange.hasRequestViolation()).isFalse();
        assertThat(exchange.violationsOf("response"))
                .hasSize(2)
                .allSatisfy(violation -> assertThat(violation)
                        .startsWith("response: Response body must have required property 'summary'"));
        assertThat(exchange("Too many violations! [" + REQUEST_VIOLATION + ",{\"loc")
                        .hasRequestViolation())
                .isTrue();
    }

    private static Exchange exchange(@Nullable String violations) {
        return new Exchange("POST", "/api/v1/tasks/", null, "{}", null, 200, violations, "{}");
    }
}
