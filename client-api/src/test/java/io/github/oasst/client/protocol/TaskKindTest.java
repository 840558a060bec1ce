package io.github.oasst.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskKindTest {
    @Test
    void thereIsOneKindPerRequestType() {
        assertThat(TaskKind.values()).hasSize(TaskRequestType.values().length);
        for (TaskRequestType type : TaskRequestType.values()) {
            assertThat(TaskKind.of(type).requestType()).isEqualTo(type);
        }
    }

    @Test
    void eachKindNamesTheTaskClassOfItsRequestType() {
        assertThat(TaskKind.INITIAL_PROMPT.taskClass()).isEqualTo(InitialPromptTask.class);
        assertThat(TaskKind.LABEL_PROMPTER_REPLY.taskClass()).isEqualTo(LabelPrompterReplyTask.class);
        for (TaskKind<?> kind : TaskKind.values()) {
            if (kind != TaskKind.RANDOM) {
                String expected = kind.requestType().wireName();
                assertThat(kind.taskClass()
                                .getSimpleName()
                                .replaceAll("([a-z])([A-Z])", "$1_$2")
                                .toLowerCase())
                        .isEqualTo(expected + "_task");
            }
        }
    }

    @Test
    void taskDoneAnswersNoKindNotEvenRandom() {
        TaskDone done = new TaskDone(UUID.randomUUID());

        for (TaskKind<?> kind : TaskKind.values()) {
            assertThat(kind.isAnsweredBy(done)).as(kind.toString()).isFalse();
        }
    }

    @Test
    void randomIsAnsweredByAnyTaskUnknownOnesToo() {
        assertThat(TaskKind.RANDOM.isAnsweredBy(new InitialPromptTask(UUID.randomUUID(), null)))
                .isTrue();
        assertThat(TaskKind.RANDOM.isAnsweredBy(new UnknownTask("new_type", UUID.randomUUID(), null)))
                .isTrue();
    }

    @Test
    void castRefusesAnotherTypeWithAClearMessage() {
        Task other = new InitialPromptTask(UUID.randomUUID(), null);

        assertThat(TaskKind.INITIAL_PROMPT.cast(other)).isSameAs(other);
        assertThatThrownBy(() -> TaskKind.ASSISTANT_REPLY.cast(other))
                .isInstanceOf(ClassCastException.class)
                .hasMessage("a initial_prompt task does not answer a assistant_reply request");
    }

    @Test
    void requestTypeNamesRoundTrip() {
        for (TaskRequestType type : TaskRequestType.values()) {
            assertThat(TaskRequestType.fromWireName(type.wireName())).isEqualTo(type);
        }
        assertThatThrownBy(() -> TaskRequestType.fromWireName("no_such_type"))
                .hasMessage("unknown task request type: no_such_type");
    }
}
