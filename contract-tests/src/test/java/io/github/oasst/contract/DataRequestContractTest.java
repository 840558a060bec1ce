package io.github.oasst.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.contract.ClientOperations.ClientOperation;
import io.github.oasst.contract.ExchangeRecorder.Exchange;
import io.github.oasst.contract.PrismServer.LogWindow;
import io.github.oasst.contract.SchemaOperation.ResponseBody;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of the data interfaces ({@code client.data().messages()}, …), called through the
 * client with valid arguments, sends a request that Prism finds valid against each schema that
 * has its operation: no 422, no {@code sl-violations}, no {@code Violation} line in Prism's log;
 * and it sends exactly the query parameters of its request line that the schema declares.
 */
class DataRequestContractTest {

    static Stream<Arguments> casesOfEachSchema() {
        return Arrays.stream(Schema.values())
                .flatMap(schema -> DataCase.of(schema).stream().map(dataCase -> Arguments.of(schema, dataCase)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesOfEachSchema")
    void sendsARequestTheSchemaAccepts(Schema schema, DataCase dataCase) {
        SchemaOperation operation = dataCase.operationIn(schema).orElseThrow();
        ClientOperation javaMethod = dataCase.clientOperation();
        PrismServer server = PrismServer.of(schema);
        LogWindow log = server.logWindow();
        @Nullable Object answer = null;
        @Nullable OasstError refused = null;
        try (ContractClient contract = new ContractClient(server, ExchangeRecorder.plain())) {
            try {
                answer = dataCase.call().call(contract.client().data(), schema);
            } catch (OasstDecodeException undecodable) {
                // Prism answers null for an answer the schema leaves undescribed ({}): rightly refused
                assertThat(operation.responseBody())
                        .as("decode failure %s", undecodable)
                        .isEqualTo(ResponseBody.UNDESCRIBED);
                assertThat(undecodable.status()).isEqualTo(200);
                assertThat(undecodable.bodyExcerpt()).isEqualTo("null");
            } catch (OasstError error) {
                refused = error; // a 422 for a violation: the exchange shows Prism's sl-violations below
            }

            List<Exchange> exchanges = contract.recorder().exchanges();
            assertThat(exchanges).as("one exchange per call").hasSize(1);
            Exchange exchange = exchanges.get(0);
            assertThat(exchange.method()).isEqualTo(operation.method());
            assertThat(exchange.path()).matches(dataCase.pathPattern());
            ContractSupport.assertValidAndSuccessful(exchanges, schema);
            assertThat(refused).as("error answer").isNull();
            Set<String> declaredByBoth = new LinkedHashSet<>(javaMethod.queryParameters());
            declaredByBoth.retainAll(operation.queryParameters());
            assertThat(queryNames(exchange))
                    .as("query parameters sent, against those the schema declares")
                    .isSubsetOf(operation.queryParameters())
                    .containsExactlyInAnyOrderElementsOf(declaredByBoth);
            if (operation.responseBody() == ResponseBody.DESCRIBED) {
                assertThat(answer).as("decoded answer").isNotNull();
            }
        }
        assertThat(PrismServer.violationLines(log.read()))
                .as("Violation lines in %s", server.logFile())
                .isEmpty();
    }

    @Test
    void everyRequestMethodOfTheDataInterfacesHasExactlyOneCase() {
        List<String> dataKeys = ClientOperations.all().stream()
                .filter(operation -> !OperationScope.isTaskApi(operation.api()))
                .map(ClientOperation::key)
                .toList();

        assertThat(DataCase.all()).extracting(DataCase::key).containsExactlyInAnyOrderElementsOf(dataKeys);
    }

    @Test
    void everyCaseRunsAgainstTheSchemasThatHaveItsOperationAndAtLeastOne() {
        assertThat(DataCase.all())
                .allSatisfy(dataCase -> assertThat(Arrays.stream(Schema.values())
                                .filter(schema -> dataCase.operationIn(schema).isPresent()))
                        .as("schemas of %s", dataCase)
                        .isNotEmpty());
        assertThat(DataCase.of(Schema.V2023_01).size()
                        + DataCase.of(Schema.V2023_05).size())
                .as("cases run")
                .isEqualTo(casesOfEachSchema().count());
    }

    @Test
    void onlyTheOldFrontendUserMessagesAndTheExperimentalLeaderboardsAreLeftToThe2023_01Schema() {
        List<String> only2023_01 = DataCase.of(Schema.V2023_01).stream()
                .filter(dataCase -> dataCase.operationIn(Schema.V2023_05).isEmpty())
                .map(DataCase::toString)
                .toList();

        assertThat(only2023_01)
                .containsExactlyInAnyOrder(
                        "GET /api/v1/frontend_users/{username}/messages (OasstFrontendUsersApi#getMessagesByUsername)",
                        "DELETE /api/v1/frontend_users/{username}/messages"
                                + " (OasstFrontendUsersApi#deleteMessagesByUsername)",
                        "GET /api/v1/experimental/leaderboards/create/assistant"
                                + " (OasstLeaderboardsApi#getAssistantCreatorLeaderboard)",
                        "GET /api/v1/experimental/leaderboards/create/prompter"
                                + " (OasstLeaderboardsApi#getPrompterCreatorLeaderboard)");
    }

    private static Set<String> queryNames(Exchange exchange) {
        String query = exchange.query();
        if (query == null || query.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
