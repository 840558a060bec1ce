package io.github.oasst.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import io.github.oasst.client.protocol.AuthMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The query objects: each a map of its set parameters under their wire names, escaped, in the order
 * of the request; immutable; nulls refused by the builders at once, bounds and texts without an exact
 * form by {@code build()}, each failure naming the field.
 */
class QueryParametersTest {
    private static final UUID ID = UUID.fromString("5b0b3c3e-56a5-4e4e-9d57-6cbb1b0d32a1");

    /** Every query class, sealed under {@link QueryParameters}. */
    private static final List<Class<?>> QUERIES = Arrays.asList(QueryParameters.class.getPermittedSubclasses());

    @Test
    void theParametersAreTheWireNamesAndEscapedValuesInTheOrderOfTheRequest() {
        MessageQuery query = MessageQuery.builder()
                .lang("de")
                .desc(false)
                .maxCount(10)
                .username("p%41x a+b")
                .startDate(Instant.parse("2023-01-01T00:00:00Z"))
                .apiClientId(ID)
                .authMethod(AuthMethod.DISCORD)
                .build();

        assertThat(query)
                .containsExactly(
                        entry("auth_method", "discord"),
                        entry("username", "p%2541x%20a%2Bb"),
                        entry("api_client_id", ID.toString()),
                        entry("max_count", "10"),
                        entry("start_date", "2023-01-01T00%3A00%3A00Z"),
                        entry("desc", "false"),
                        entry("lang", "de"));
        assertThat(query.get("username")).isEqualTo("p%2541x%20a%2Bb");
        assertThat(query.get("only_roots")).isNull();
        assertThat(query.containsKey("only_roots")).isFalse();
        assertThat(query)
                .hasToString("MessageQuery?auth_method=discord&username=p%2541x%20a%2Bb&api_client_id=" + ID
                        + "&max_count=10&start_date=2023-01-01T00%3A00%3A00Z&desc=false&lang=de");
    }

    @Test
    void aLineBreakInAValueCannotBreakTheTextOfAQuery() {
        assertThat(UserUpdate.builder().notes("a\r\nb").build()).hasToString("UserUpdate?notes=a%0D%0Ab");
    }

    @Test
    void equalQueriesAreEqualMapsAndTheDefaultsAreEmpty() {
        UserQuery one = UserQuery.builder().maxCount(5).desc(true).build();
        UserQuery other = UserQuery.builder().desc(true).maxCount(5).build();
        Map<String, String> same = new HashMap<>(Map.of("max_count", "5", "desc", "true"));

        assertThat(one)
                .isEqualTo(other)
                .hasSameHashCodeAs(other)
                .isEqualTo(same)
                .isNotEqualTo(UserQuery.defaults());
        assertThat(same).isEqualTo(one);
        assertThat(UserQuery.defaults()).isEqualTo(UserQuery.builder().build()).hasToString("UserQuery");
        assertThat(UserQuery.defaults()).isEmpty();
        assertThat(MessageQuery.defaults()).isEmpty();
        assertThat(MessageCursorQuery.defaults()).isEmpty();
        assertThat(UserMessageQuery.defaults()).isEmpty();
        assertThat(UserMessageCursorQuery.defaults()).isEmpty();
        assertThat(DisplayNameQuery.defaults()).isEmpty();
        assertThat(UserCursorQuery.defaults()).isEmpty();
    }

    @Test
    void aQueryCannotBeChanged() {
        UserMessageQuery query = UserMessageQuery.builder().onlyRoots(true).build();

        assertThatThrownBy(() -> query.put("lang", "de")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> query.remove("only_roots")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(query::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> query.entrySet().iterator().next().setValue("false"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> query.replaceAll((name, value) -> "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(query).containsExactly(entry("only_roots", "true"));
    }

    @Test
    void aBuilderKeepsNoHoldOnAQueryItBuilt() {
        UserMessageCursorQuery.Builder builder =
                UserMessageCursorQuery.builder().maxCount(5);
        UserMessageCursorQuery first = builder.build();

        builder.maxCount(6).lang("en");

        assertThat(first).containsExactly(entry("max_count", "5"));
        assertThat(builder.build()).containsExactly(entry("max_count", "6"), entry("lang", "en"));
    }

    @Test
    void everyBuilderRefusesANullAtOnceNamingTheField() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> query : QUERIES) {
            Object builder = query.getMethod("builder").invoke(null);
            for (Method setter : setters(builder)) {
                if (setter.getParameterTypes()[0].isPrimitive()) {
                    continue;
                }
                Throwable failure = catchThrowable(() -> setter.invoke(builder, (Object) null));
                assertThat(failure).isInstanceOf(InvocationTargetException.class);
                assertThat(failure.getCause())
                        .isInstanceOf(NullPointerException.class)
                        .hasMessage(query.getSimpleName() + "." + setter.getName() + " must not be null");
                checked.add(query.getSimpleName() + "." + setter.getName());
            }
        }
        assertThat(checked).contains("MessageQuery.username", "UserUpdate.notes", "UserCursorQuery.before");
        assertThat(checked).hasSizeGreaterThan(40);
    }

    @Test
    void aCountOutsideTheServersBoundsIsRefusedByBuildNamingTheField() {
        assertThat(MessageQuery.builder().maxCount(1).build()).containsEntry("max_count", "1");
        assertThat(MessageQuery.builder().maxCount(1000).build()).containsEntry("max_count", "1000");
        assertThat(UserQuery.builder().maxCount(10_000).build()).containsEntry("max_count", "10000");

        assertThatThrownBy(() -> MessageQuery.builder().maxCount(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MessageQuery.maxCount must be 1 to 1000, got 0");
        assertThatThrownBy(() -> UserMessageCursorQuery.builder().maxCount(1001).build())
                .hasMessage("UserMessageCursorQuery.maxCount must be 1 to 1000, got 1001");
        assertThatThrownBy(() -> DisplayNameQuery.builder().maxCount(10_001).build())
                .hasMessage("DisplayNameQuery.maxCount must be 1 to 10000, got 10001");
        assertThatThrownBy(() -> UserCursorQuery.builder().maxCount(-5).build())
                .hasMessage("UserCursorQuery.maxCount must be 1 to 10000, got -5");
    }

    @Test
    void aSortKeyLongerThanTheSchemaAllowsIsRefusedCountingCodePoints() {
        String astral = "\uD83D\uDE00".repeat(32); // 32 characters, 64 UTF-16 units

        assertThat(UserCursorQuery.builder().sortKey(astral).build()).containsKey("sort_key");
        assertThatThrownBy(
                        () -> UserCursorQuery.builder().sortKey("x".repeat(33)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UserCursorQuery.sortKey must be at most 32 characters, got 33");
    }

    @Test
    void aTextWithoutAnExactFormIsRefusedByBuildNamingTheFieldNotTheValue() {
        assertThatThrownBy(() -> UserQuery.builder().searchText("secret\uD800").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("UserQuery.searchText must be valid Unicode")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> UserUpdate.builder().notes("a\u0000b").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("UserUpdate.notes must not contain NUL");
        assertThatThrownBy(() -> MessageQuery.builder()
                        .authMethod(AuthMethod.of("lone\uDC00"))
                        .build())
                .hasMessageStartingWith("MessageQuery.authMethod must be valid Unicode");
    }

    @Test
    void aCursorQueryForThePageAfterACursorDropsBeforeAndKeepsTheRest() {
        MessageCursorQuery first = MessageCursorQuery.builder()
                .before("b1")
                .onlyRoots(true)
                .maxCount(50)
                .build();

        MessageCursorQuery next = first.after("c%2F+1");

        assertThat(next)
                .containsExactly(entry("after", "c%252F%2B1"), entry("only_roots", "true"), entry("max_count", "50"));
        assertThat(next.after("c2"))
                .containsExactly(entry("after", "c2"), entry("only_roots", "true"), entry("max_count", "50"));
        assertThat(first).containsKey("before").doesNotContainKey("after");
        assertThat(UserCursorQuery.builder().sortKey("display_name").build().after("n"))
                .containsExactly(entry("after", "n"), entry("sort_key", "display_name"));
        assertThat(UserMessageCursorQuery.defaults().after("n")).containsExactly(entry("after", "n"));
        assertThatThrownBy(() -> first.after(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("MessageCursorQuery.after must not be null");
        assertThatThrownBy(() -> first.after("\uD800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MessageCursorQuery.after must be valid Unicode");
    }

    @Test
    void everyQueryClassHasDistinctWireNamesInSnakeCaseOfItsFields() throws Exception {
        for (Class<?> query : QUERIES) {
            Object builder = query.getMethod("builder").invoke(null);
            List<String> expected = new ArrayList<>();
            for (Method setter : setters(builder)) {
                setter.invoke(builder, sample(setter.getParameterTypes()[0]));
                expected.add(
                        setter.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
            }
            Map<?, ?> built = (Map<?, ?>) builder.getClass().getMethod("build").invoke(builder);
            assertThat(built.keySet().stream().map(String::valueOf).toList())
                    .as(query.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * The builder's setters: its public methods that take one value and return the builder, or the shared
     * base it inherits them from (as erased, that base is their return type).
     */
    private static List<Method> setters(Object builder) {
        List<Method> setters = new ArrayList<>();
        for (Method method : builder.getClass().getMethods()) {
            if (method.getParameterCount() == 1
                    && method.getReturnType() != Object.class
                    && method.getReturnType().isAssignableFrom(builder.getClass())) {
                setters.add(method);
            }
        }
        return setters;
    }

    private static Object sample(Class<?> type) {
        if (type == int.class) {
            return 7;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == UUID.class) {
            return ID;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == AuthMethod.class) {
            return AuthMethod.LOCAL;
        }
        if (type == String.class) {
            return "text";
        }
        throw new AssertionError("no sample of " + type);
    }
}
