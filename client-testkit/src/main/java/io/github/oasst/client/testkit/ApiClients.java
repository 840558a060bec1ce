package io.github.oasst.client.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The API clients a fake backend knows, each with its key: the main one (enabled, trusted), the
 * untrusted ones (enabled, each its own client) and the disabled ones (known, refused as an unknown
 * key is).
 */
final class ApiClients {
    /** An API client: its id, whether the backend trusts it, whether it is enabled. */
    record Client(UUID id, boolean trusted, boolean enabled) {}

    private final Map<String, Client> byKey = new LinkedHashMap<>();
    private final Client main;

    ApiClients(String mainKey, List<String> untrustedKeys, List<String> disabledKeys) {
        main = new Client(MessageStore.THIS_CLIENT, true, true);
        byKey.put(mainKey, main);
        for (String key : untrustedKeys) {
            byKey.putIfAbsent(key, new Client(idOf(key), false, true));
        }
        for (String key : disabledKeys) {
            byKey.putIfAbsent(key, new Client(idOf(key), true, false));
        }
    }

    private static UUID idOf(String key) {
        return UUID.nameUUIDFromBytes(("oasst-fake-api-client:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The client of the main key. */
    Client main() {
        return main;
    }

    /** The client of this key, enabled or not, or null. */
    @Nullable
    Client known(String key) {
        return byKey.get(key);
    }

    /** The enabled client of this key, or null: an unknown, disabled or missing key. */
    @Nullable
    Client authenticate(@Nullable String key) {
        Client client = key == null ? null : byKey.get(key);
        return client != null && client.enabled() ? client : null;
    }
}
