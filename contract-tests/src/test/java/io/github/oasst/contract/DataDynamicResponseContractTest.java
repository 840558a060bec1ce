package io.github.oasst.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstData;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import io.github.oasst.contract.PrismServer.LogWindow;
import io.github.oasst.contract.SchemaOperation.ResponseBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prism's dynamic mode generates random answers from each schema; every operation of the data
 * interfaces whose success answer the schema describes (every read, and the two writes that answer
 * a record) decodes {@value #RESPONSES_PER_OPERATION} of them, with fixed seeds ({@code Prefer:
 * dynamic=true, seed=<schema date>-<method and path>-<n>}), into its typed records without an
 * error, and the records hold what the JSON says ({@link JsonMirror}). The tallies go to {@code
 * target/contract-reports/data-dynamic-responses.txt}.
 *
 * <p>Operations whose answer the schema leaves undescribed ({@code "schema": {}}) are left out:
 * Prism generates a placeholder object for them, never data of the real shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataDynamicResponseContractTest {
    static final int RESPONSES_PER_OPERATION = 40;

    private final Map<String, OperationTally> tallies = new LinkedHashMap<>();
    private final Map<String, List<String>> mismatches = new LinkedHashMap<>();

    static Stream<Arguments> casesWithADescribedAnswer() {
        return Arrays.stream(Schema.values())
                .flatMap(schema -> DataCase.of(schema).stream()
                        .filter(dataCase ->
                                dataCase.operationIn(schema).orElseThrow().responseBody() == ResponseBody.DESCRIBED)
                        .map(dataCase -> Arguments.of(schema, dataCase)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesWithADescribedAnswer")
    void everyGeneratedAnswerDecodesIntoRecordsThatHoldIt(Schema schema, DataCase dataCase) {
        OperationTally tally = new OperationTally(dataCase.toString());
        List<String> differences = new ArrayList<>();
        tallies.put(schema.date() + " " + dataCase, tally);
        mismatches.put(schema.date() + " " + dataCase, differences);
        PrismServer server = PrismServer.of(schema);
        LogWindow log = server.logWindow();
        ExchangeRecorder recorder = ExchangeRecorder.seeded(schema.date() + "-" + dataCase.seedName());
        try (ContractClient contract = new ContractClient(server, recorder)) {
            OasstData data = contract.client().data();
            for (int n = 0; n < RESPONSES_PER_OPERATION; n++) {
                Object value;
                try {
                    value = dataCase.call().call(data, schema);
                } catch (RuntimeException failure) {
                    assertThat(recorder.size()).as("an exchange per call").isEqualTo(n + 1);
                    tally.failed(recorder.last(), failure);
                    continue;
                }
                assertThat(recorder.size()).as("an exchange per call").isEqualTo(n + 1);
                Exchange exchange = recorder.last();
                tally.decoded(exchange, value);
                JsonMirror.mismatches(value, exchange.responseJson())
                        .forEach(difference -> differences.add("[seed " + exchange.seed() + "] " + difference));
            }
        }

        assertThat(tally.failures()).as("answers that did not decode").isEmpty();
        assertThat(tally.requestViolations()).as("requests Prism found invalid").isEmpty();
        assertThat(tally.decoded()).isEqualTo(RESPONSES_PER_OPERATION);
        assertThat(differences).as("records that differ from their JSON").isEmpty();
        assertThat(recorder.exchanges()).extracting(Exchange::status).containsOnly(200);
        assertThat(recorder.exchanges().stream().map(Exchange::responseBody).distinct())
                .as("different answers, one per seed mostly")
                .hasSizeGreaterThan(RESPONSES_PER_OPERATION / 2);
        assertThat(PrismServer.violationLines(log.read()))
                .as("request Violation lines in %s", server.logFile())
                .noneMatch(line -> line.contains("Violation: request"));
    }

    @Test
    void theAnswersLeftOutAreTheOnesTheSchemasLeaveUndescribed() {
        List<String> undescribed = Arrays.stream(Schema.values())
                .flatMap(schema -> DataCase.of(schema).stream()
                        .filter(dataCase ->
                                dataCase.operationIn(schema).orElseThrow().responseBody() == ResponseBody.UNDESCRIBED)
                        .filter(dataCase -> !dataCase.clientOperation()
                                .method()
                                .getReturnType()
                                .equals(void.class))
                        .map(dataCase -> dataCase.method() + " " + dataCase.path()))
                .distinct()
                .toList();

        assertThat(undescribed)
                .containsExactlyInAnyOrder(
                        "GET /api/v1/experimental/leaderboards/create/assistant",
                        "GET /api/v1/experimental/leaderboards/create/prompter",
                        "GET /api/v1/hf/text_toxicity",
                        "GET /api/v1/text_labels/valid_labels",
                        "GET /api/v1/text_labels/report_labels");
    }

    @AfterAll
    void writeReport() {
        StringBuilder report = new StringBuilder()
                .append(
                        "Prism dynamic answers of the data interfaces decoded by the client, per schema and operation\n")
                .append("(Prefer: dynamic=true, seed=<schema date>-<method and path>-<n>, n from 1)\n\n");
        tallies.forEach((key, tally) -> {
            report.append(key.substring(0, key.indexOf(' '))).append(tally.report());
            mismatches
                    .getOrDefault(key, List.of())
                    .forEach(difference ->
                            report.append("      DIFFERS ").append(difference).append('\n'));
        });
        Path directory = ContractSupport.reportDirectory();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("data-dynamic-responses.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
