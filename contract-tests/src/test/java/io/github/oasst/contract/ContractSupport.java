package io.github.oasst.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import java.nio.file.Path;
import java.util.List;

/** What the contract tests share: one JSON mapper, the report directory, common assertions. */
final class ContractSupport {
    /** The one mapper of the tests, for request and response bodies and the schema files. */
    static final ObjectMapper JSON = new ObjectMapper();

    private ContractSupport() {}

    /** Where reports and generated files go: {@code target/contract-reports} under Maven. */
    static Path reportDirectory() {
        return Path.of(System.getProperty("contract.reportDirectory", "target/contract-reports"));
    }

    /** Prism found every exchange valid against the schema, and every call got a 2xx. */
    static void assertValidAndSuccessful(List<Exchange> exchanges, Schema schema) {
        assertThat(exchanges)
                .as("exchanges Prism found invalid against %s", schema)
                .filteredOn(exchange -> exchange.status() == 422 || exchange.violations() != null)
                .isEmpty();
        assertThat(exchanges)
                .as("every call succeeded")
                .allSatisfy(exchange ->
                        assertThat(exchange.status()).as("%s", exchange).isBetween(200, 299));
    }
}
