package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.oasst.client.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A retry that finds the work already done: after a lost answer the ack, nack or close succeeded
 * (also through the raw interface); after a failure that was not ambiguous it is an error.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryReconciliationTest extends RetryTestSupport {
    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(Mode.class)
    void ackNackAndCloseSucceedWhenTheRetryFindsTheWorkDone(Mode mode) {
        for (Op op : List.of(Op.ACK, Op.NACK, Op.CLOSE)) {
            answer(
                    op.path,
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    oasstError(400, op.alreadyDone(), "Task already updated."));

            assertThat(op.outcome(client(), mode)).as(op.name()).isNull();
            assertThat(requests(op)).as(op.name()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void alreadyDoneAfterAFailureThatWasNotAmbiguousIsAnError(Op op, Mode mode) {
        answer(op.path, json(503, "{}"), oasstError(400, op.alreadyDone(), "Task already done."));

        Throwable failure = op.outcome(client(), mode);

        assertThat(failure).isInstanceOfSatisfying(OasstError.class, e -> {
            assertThat(e.hasErrorCode(op.alreadyDone())).isTrue();
            assertThat(e.attempts()).isEqualTo(2);
        });
        assertThat(requests(op)).isEqualTo(2);
    }

    @Test
    void theRawInterfaceRetriesAndReconcilesToo() {
        answer(
                Op.CLOSE.path,
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                oasstError(400, OasstErrorCode.TASK_ALREADY_DONE, "Allready closed"));

        Throwable failure = catchThrowable(
                () -> client().tasksApi().closeTask(new io.github.oasst.client.protocol.TaskClose("fe-1")));

        assertThat(failure)
                .as("the second attempt's 2105 proves the first closed the task")
                .isNull();
        assertThat(requests(Op.CLOSE)).isEqualTo(2);
    }
}
