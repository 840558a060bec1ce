package io.github.oasst.contract;

import io.github.oasst.client.OasstData;
import io.github.oasst.contract.ClientOperations.ClientOperation;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the client's data interfaces ({@link OasstData}) as a named test case: the
 * schema's method and path of the operation, and a call of its Java method with valid arguments
 * for a schema. The arguments fill every parameter the schema knows, so that Prism checks the
 * encoding of each; parameters a schema does not know are left out for it (null, or not set on the
 * query object).
 *
 * <p>The cases are listed by {@link MessageCases}, {@link UserCases} and {@link BoardCases}.
 *
 * @param method the HTTP method
 * @param path the path as the schemas write it, for example {@code /api/v1/messages/{message_id}}
 */
record DataCase(String method, String path, Call call) {

    /** A call of the case's method; returns what the client decoded, null for a method without a result. */
    @FunctionalInterface
    interface Call {
        @Nullable
        Object call(OasstData data, Schema schema);
    }

    /** A call of a method without a result. */
    @FunctionalInterface
    interface VoidCall {
        void call(OasstData data, Schema schema);
    }

    /** A case of a method with a result; {@code line} is {@code "<METHOD> <path>"}. */
    static DataCase of(String line, Call call) {
        int space = line.indexOf(' ');
        return new DataCase(line.substring(0, space), line.substring(space + 1), call);
    }

    /** A case of a method without a result. */
    static DataCase ofVoid(String line, VoidCall call) {
        return of(line, (data, schema) -> {
            call.call(data, schema);
            return null;
        });
    }

    /** Every case: one per request method of the data interfaces. */
    static List<DataCase> all() {
        return Stream.of(MessageCases.all(), UserCases.all(), BoardCases.all())
                .flatMap(List::stream)
                .toList();
    }

    /** The cases of the operations a schema has. */
    static List<DataCase> of(Schema schema) {
        return all().stream()
                .filter(dataCase -> dataCase.operationIn(schema).isPresent())
                .toList();
    }

    /** {@code value} for the schemas from 2023-02 on, null for the 2023-01 one, which lacks the parameter. */
    static <T> @Nullable T from2023_02(Schema schema, T value) {
        return schema == Schema.V2023_01 ? null : value;
    }

    /**
     * A query's builder with what {@code newer} sets for the schemas from 2023-02 on; as it is for the
     * 2023-01 one, which lacks those parameters.
     */
    static <B> B from2023_02(Schema schema, B builder, UnaryOperator<B> newer) {
        return schema == Schema.V2023_01 ? builder : newer.apply(builder);
    }

    String key() {
        return SchemaOperation.key(method, path);
    }

    /** The operation in the schema, empty when the schema has none of this method and path. */
    Optional<SchemaOperation> operationIn(Schema schema) {
        return SchemaDocument.of(schema).operation(key());
    }

    /** The Java method the case calls, found by its request line. */
    ClientOperation clientOperation() {
        List<ClientOperation> methods = ClientOperations.of(key());
        if (methods.size() != 1) {
            throw new IllegalStateException("not one request method of " + this + ": " + methods);
        }
        return methods.get(0);
    }

    /** The concrete paths of the operation. */
    Pattern pathPattern() {
        return SchemaOperation.pathPattern(path);
    }

    /** A seed prefix for Prism's dynamic mode, of letters, digits and dashes only. */
    String seedName() {
        return (method + path).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    @Override
    public String toString() {
        List<ClientOperation> methods = ClientOperations.of(key());
        String label = methods.size() == 1 ? methods.get(0).label() : "no single Java method";
        return method + " " + path + " (" + label + ")";
    }
}
