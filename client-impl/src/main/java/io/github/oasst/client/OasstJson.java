package io.github.oasst.client;

import io.github.oasst.client.internal.codec.Jackson2Mapping;
import io.github.oasst.client.internal.codec.Jackson3Mapping;
import io.github.oasst.client.internal.codec.JsonMapping;

/**
 * The JSON library the client encodes and decodes with: Jackson 2 (the default, a dependency of the
 * client) or Jackson 3 (Spring Boot 4's, an optional dependency: add {@code
 * tools.jackson.core:jackson-databind}), so that an application on Jackson 3 needs no Jackson 2 for
 * the client. Either way the client uses a mapper of its own, configured alike, never the
 * application's: an application's settings (naming, inclusion) must not change the OASST wire
 * format. Both send the same bytes and read the same values.
 */
public final class OasstJson {
    private static final String JACKSON_3_MAPPER = "tools.jackson.databind.json.JsonMapper";

    private final JsonMapping mapping;

    private OasstJson(JsonMapping mapping) {
        this.mapping = mapping;
    }

    /** Jackson 2 ({@code com.fasterxml.jackson}): the default. */
    public static OasstJson jackson2() {
        return Jackson2.INSTANCE;
    }

    /**
     * Jackson 3 ({@code tools.jackson}).
     *
     * @throws IllegalStateException when Jackson 3 is not on the class path (on the module path: not
     *     in the module graph)
     */
    public static OasstJson jackson3() {
        if (!jackson3Present()) {
            throw new IllegalStateException(
                    "Jackson 3 is not on the class path: add tools.jackson.core:jackson-databind"
                            + " to use OasstJson.jackson3() (on the module path, also require"
                            + " tools.jackson.databind or add it with --add-modules)");
        }
        return Jackson3.INSTANCE;
    }

    /** Whether Jackson 3's databind is on the class path (on the module path: in the module graph). */
    public static boolean jackson3Present() {
        try {
            Class.forName(JACKSON_3_MAPPER, false, OasstJson.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    JsonMapping mapping() {
        return mapping;
    }

    @Override
    public String toString() {
        return "OasstJson[" + mapping + "]";
    }

    /** Made at the first use of Jackson 2, so that an application on Jackson 3 never loads it. */
    private static final class Jackson2 {
        static final OasstJson INSTANCE = new OasstJson(Jackson2Mapping.INSTANCE);
    }

    /** Made at the first use of Jackson 3, so that nothing loads it otherwise. */
    private static final class Jackson3 {
        static final OasstJson INSTANCE = new OasstJson(new Jackson3Mapping());
    }
}
