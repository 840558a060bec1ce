package io.github.oasst.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The records that tasks differing only in their type share ({@link ReplyToLabel}, {@link
 * RepliesToRank}, {@link Labelling}) check their values where they are made, and each task reads its
 * fields through them.
 */
class SharedContentTest {
    private static final UUID ID = UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10");
    private static final UUID MESSAGE = UUID.fromString("71f9f06d-7e30-4c14-a5bf-b12a9a569eac");
    private static final Conversation CONVERSATION =
            new Conversation(List.of(new ConversationMessage("Hi!", false), new ConversationMessage("Hello.", true)));

    @Test
    void aReplyToLabelNeedsItsMessageIdAndLeavesNothingElseNull() {
        assertThatThrownBy(() -> new ReplyToLabel(null, "r", null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("message id must not be null");

        ReplyToLabel bare = new ReplyToLabel(MESSAGE, null, null, null);
        assertThat(bare.labelling()).isEqualTo(Labelling.NONE);
        assertThat(bare.labelling().validLabels()).isEmpty();
        assertThat(bare.conversation().messages()).isEmpty();
    }

    @Test
    void labellingCopiesItsListsAndNamesANullLabelByIndex() {
        List<String> valid = new ArrayList<>(List.of("spam", "quality"));
        Labelling labelling = new Labelling(valid, null, LabelTaskMode.SIMPLE, null);
        valid.add("humor");

        assertThat(labelling.validLabels()).containsExactly("spam", "quality");
        assertThat(labelling.mandatoryLabels()).isEmpty();
        assertThatThrownBy(() -> new Labelling(Arrays.asList("spam", null), null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("valid labels[1] must not be null");
        assertThatThrownBy(() -> Labelling.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("valid labels must not be null");
    }

    @Test
    void eachReplyLabelTaskReadsItsFieldsFromItsContent() {
        Labelling labelling = new Labelling(List.of("spam"), List.of("spam"), LabelTaskMode.FULL, null);
        ReplyToLabel content = new ReplyToLabel(MESSAGE, null, labelling, CONVERSATION);
        List<LabelReplyTask> tasks = List.of(
                new LabelConversationReplyTask(ID, content),
                new LabelPrompterReplyTask(ID, content),
                new LabelAssistantReplyTask(ID, content));

        assertThat(tasks)
                .extracting(Task::type)
                .containsExactly("label_conversation_reply", "label_prompter_reply", "label_assistant_reply");
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.messageId()).isEqualTo(MESSAGE);
            assertThat(task.reply()).isNull();
            assertThat(task.textToLabel()).isEqualTo("Hello."); // no reply sent: the conversation's last message
            assertThat(task.validLabels()).containsExactly("spam");
            assertThat(task.mandatoryLabels()).containsExactly("spam");
            assertThat(task.mode()).isEqualTo(LabelTaskMode.FULL);
            assertThat(task.disposition()).isNull();
            assertThat(task.conversation()).isEqualTo(CONVERSATION);
        });
        assertThat(new LabelAssistantReplyTask(ID, new ReplyToLabel(MESSAGE, "r", null, null)).textToLabel())
                .isEqualTo("r");
    }

    @Test
    void aTaskOfATrioNeedsItsIdAndItsContent() {
        ReplyToLabel content = new ReplyToLabel(MESSAGE, "r", null, null);
        assertThatThrownBy(() -> new LabelPrompterReplyTask(null, content)).hasMessage("task id must not be null");
        assertThatThrownBy(() -> new LabelPrompterReplyTask(ID, null)).hasMessage("content must not be null");
        assertThatThrownBy(() -> new RankAssistantRepliesTask(ID, null)).hasMessage("content must not be null");
    }

    @Test
    void eachRankRepliesTaskRanksItsContentsReplies() {
        RepliesToRank content = new RepliesToRank(CONVERSATION, List.of("a", "b"));
        List<RankRepliesTask> tasks = List.of(
                new RankConversationRepliesTask(ID, content),
                new RankPrompterRepliesTask(ID, content),
                new RankAssistantRepliesTask(ID, content));

        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.conversation()).isEqualTo(CONVERSATION);
            assertThat(task.replies()).containsExactly("a", "b");
            assertThat(task.itemsToRank()).containsExactly("a", "b");
        });
        RepliesToRank bare = new RepliesToRank(null, null);
        assertThat(bare.conversation().messages()).isEmpty();
        assertThat(bare.replies()).isEmpty();
        assertThatThrownBy(() -> new RepliesToRank(null, Arrays.asList("a", null)))
                .hasMessage("replies[1] must not be null");
    }
}
