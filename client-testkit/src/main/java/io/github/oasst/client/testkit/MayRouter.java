package io.github.oasst.client.testkit;

import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-05 fake's routes, matched as Starlette matches them: in the order registered; a path
 * that matches with another method answers 405; an unknown path that matches with the trailing slash
 * toggled answers 307 there; any other 404 {@code {"detail":"Not Found"}}. A route's key check comes
 * first when FastAPI runs it as a dependency ({@link Auth#KEY}, {@link Auth#TRUSTED}), else its
 * handler runs it after validating ({@link Auth#BODY}).
 */
final class MayRouter {
    /** Where a route checks the key. */
    enum Auth {
        /** No key needed. */
        NONE,
        /** Any enabled key, before validation. */
        KEY,
        /** A trusted enabled key, before validation. */
        TRUSTED,
        /** The handler checks it, after validating. */
        BODY
    }

    private record Route(String method, String[] template, Auth auth, Function<MayCall, Reply> handler) {}

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Auth auth, Function<MayCall, Reply> handler) {
        routes.add(new Route(method, segments(template), auth, handler));
    }

    /** Answers a request; {@code newCall} makes its context from the path parameters. */
    Reply handle(Request request, String origin, Function<Map<String, String>, MayCall> newCall) {
        Route partial = null;
        for (Route route : routes) {
            Map<String, String> params = match(route.template, segments(request.path()));
            if (params == null) {
                continue;
            }
            if (!route.method.equals(request.method())) {
                partial = partial == null ? route : partial;
                continue;
            }
            MayCall call = newCall.apply(params);
            return answer(() -> {
                if (route.auth == Auth.KEY || route.auth == Auth.TRUSTED) {
                    call.authenticate(route.auth == Auth.TRUSTED);
                }
                return route.handler.apply(call);
            });
        }
        if (partial != null) {
            return Responses.detail(405, "Method Not Allowed");
        }
        String path = request.path();
        String toggled = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        for (Route route : routes) {
            if (!path.equals("/") && match(route.template, segments(toggled)) != null) {
                String query = request.query() == null ? "" : "?" + request.query();
                return new Reply(307, "", Map.of("Location", origin + toggled + query));
            }
        }
        return Responses.detail(404, "Not Found");
    }

    /** The reply, or the reply of the error it throws. */
    static Reply answer(Supplier<Reply> handler) {
        try {
            return handler.get();
        } catch (MayError e) {
            return e.reply();
        }
    }

    private static String[] segments(String path) {
        return path.split("/", -1);
    }

    private static @Nullable Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), QueryParameters.decode(path[i].replace("+", "%2B")));
            } else if (!part.equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}
