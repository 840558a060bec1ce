package io.github.oasst.contract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One operation of a schema file: its method and path as the schema writes them, its tags, the
 * names of its query parameters, and what its success answer carries.
 *
 * @param path the path template, for example {@code /api/v1/messages/{message_id}}
 * @param queryParameters the names of the query parameters it declares
 */
record SchemaOperation(
        String method, String path, List<String> tags, Set<String> queryParameters, ResponseBody responseBody) {
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}/]*}");

    /** What the first 2xx answer of an operation carries, by the schema. */
    enum ResponseBody {
        /** No content: 204, or a 2xx without {@code content}. */
        NONE,
        /**
         * JSON the schema leaves undescribed ({@code "schema": {}}): Prism answers {@code null}, or
         * in dynamic mode a placeholder object, never data of the real shape.
         */
        UNDESCRIBED,
        /** JSON of a described shape. */
        DESCRIBED
    }

    SchemaOperation {
        tags = List.copyOf(tags);
        queryParameters = Set.copyOf(queryParameters);
    }

    /** The operation's key: {@link #key(String, String)} of its method and path. */
    String key() {
        return key(method, path);
    }

    /**
     * The method and path with every path variable written {@code {}} and without a query, so that
     * a schema's {@code {message_id}} and a Feign template's {@code {messageId}} give the same key:
     * {@code GET /api/v1/messages/{}}.
     */
    static String key(String method, String pathTemplate) {
        int query = pathTemplate.indexOf('?');
        String path = query < 0 ? pathTemplate : pathTemplate.substring(0, query);
        return method.toUpperCase(Locale.ROOT) + " "
                + PATH_VARIABLE.matcher(path.strip()).replaceAll("{}");
    }

    /** A pattern of the concrete paths of a path template: each variable one non-empty segment. */
    static Pattern pathPattern(String pathTemplate) {
        StringBuilder regex = new StringBuilder();
        int from = 0;
        var variables = PATH_VARIABLE.matcher(pathTemplate);
        while (variables.find()) {
            regex.append(Pattern.quote(pathTemplate.substring(from, variables.start())))
                    .append("[^/]+");
            from = variables.end();
        }
        regex.append(Pattern.quote(pathTemplate.substring(from)));
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
