package io.github.oasst.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values are checked where they are made, as the server checks them. */
class ValidationTest {
    private static final User USER = User.discord("1", "Alice");

    @Test
    void blankReplyTextIsRefused() {
        assertThatThrownBy(() -> TextReplyToMessage.of(USER, "m", "u", "   "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reply text must not be blank");
        assertThatThrownBy(() -> TextReplyToMessage.of(USER, "m", "u", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyMessageIdsAreRefused() {
        assertThatThrownBy(() -> new TaskAck("")).hasMessage("message id must not be blank");
        assertThatThrownBy(() -> new TaskClose(" ")).hasMessage("message id must not be blank");
        assertThatThrownBy(() -> TextReplyToMessage.of(USER, "", "u", "t")).hasMessage("message id must not be blank");
        assertThatThrownBy(() -> TextReplyToMessage.of(USER, "m", "", "t"))
                .hasMessage("user message id must not be blank");
        assertThatThrownBy(() -> new MessageRating(USER, "", 1)).hasMessage("message id must not be blank");
    }

    @Test
    void ratingMustBeAboveZero() {
        assertThatThrownBy(() -> new MessageRating(USER, "m", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating must be above 0, got 0");
        assertThatThrownBy(() -> new MessageRating(USER, "m", -3)).isInstanceOf(IllegalArgumentException.class);
        assertThatNoException().isThrownBy(() -> new MessageRating(USER, "m", 1));
    }

    @Test
    void rankingMustBeANonEmptySetOfIndexes() {
        assertThatThrownBy(() -> new MessageRanking(USER, "m", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ranking must not be empty");
        assertThatThrownBy(() -> new MessageRanking(USER, "m", List.of(0, -1))).hasMessageContaining("negative index");
        assertThatThrownBy(() -> new MessageRanking(USER, "m", List.of(1, 0, 1)))
                .hasMessageContaining("index 1 twice");
        assertThatThrownBy(() -> new MessageRanking(USER, "m", Arrays.asList(0, null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ranking[1] must not be null");
    }

    @Test
    void rankingIsCopiedSoLaterChangesDoNotLeakIn() {
        List<Integer> indexes = new ArrayList<>(List.of(1, 0));
        MessageRanking ranking = new MessageRanking(USER, "m", indexes);
        indexes.add(2);

        assertThat(ranking.ranking()).containsExactly(1, 0);
    }

    @Test
    void labelValuesMustLieInZeroToOne() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> TextLabels.of(USER, id, "t", Map.of(TextLabel.SPAM, 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value of label spam must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> TextLabels.of(USER, id, "t", Map.of(TextLabel.SPAM, -0.1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextLabels(USER, id, "t", Map.of("spam", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("spam", null);
        assertThatThrownBy(() -> new TextLabels(USER, id, "t", withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TextLabels(USER, id, "t", Map.of(" ", 0.5)))
                .hasMessage("label name must not be blank");
        assertThatNoException()
                .isThrownBy(() -> TextLabels.of(USER, id, "t", Map.of(TextLabel.SPAM, 0.0, TextLabel.HELPFUL, 1.0)));
    }

    @Test
    void usersNeedAnIdAndAnAuthMethod() {
        assertThatThrownBy(() -> User.local(" ", "x")).hasMessage("user id must not be blank");
        assertThatThrownBy(() -> new User("1", "x", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("user auth method must not be null");
        assertThatThrownBy(() -> AuthMethod.of("")).hasMessage("auth method must not be blank");
    }

    @Test
    void interactionsNeedAUser() {
        assertThatThrownBy(() -> TextReplyToMessage.of(null, "m", "u", "t"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("user must not be null");
    }

    @Test
    void ratingScaleContainsItsBoundsAndAnInvertedScaleContainsNoRating() {
        assertThat(RatingScale.DEFAULT.contains(1)).isTrue();
        assertThat(RatingScale.DEFAULT.contains(5)).isTrue();
        assertThat(RatingScale.DEFAULT.contains(0)).isFalse();
        assertThat(RatingScale.DEFAULT.contains(6)).isFalse();

        // the server's schema allows any two integers: an inverted scale is kept as sent
        RatingScale inverted = new RatingScale(5, 1);
        assertThat(inverted.min()).isEqualTo(5);
        assertThat(inverted.max()).isEqualTo(1);
        assertThat(inverted.contains(1)).isFalse();
        assertThat(inverted.contains(3)).isFalse();
        assertThat(inverted.contains(5)).isFalse();
    }

    @Test
    void blankLangIsRefused() {
        assertThatThrownBy(() -> new TaskRequest(TaskRequestType.RANDOM, null, false, ""))
                .hasMessage("lang must not be blank");
    }
}
