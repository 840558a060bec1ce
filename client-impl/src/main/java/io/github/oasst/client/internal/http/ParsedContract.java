package io.github.oasst.client.internal.http;

import feign.Contract;
import feign.DefaultContract;
import feign.MethodMetadata;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Feign's default contract, each interface parsed once: a client builds Feign clients of the same
 * interfaces again (a per-user view builds its own), and Feign parses an interface's annotations
 * for every client it builds. The metadata is only read once parsed: Feign copies a method's
 * request template for every call.
 */
public final class ParsedContract implements Contract {
    private final Contract contract = new DefaultContract();
    private final ConcurrentMap<Class<?>, List<MethodMetadata>> parsed = new ConcurrentHashMap<>();

    @Override
    public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
        return parsed.computeIfAbsent(targetType, type -> List.copyOf(contract.parseAndValidateMetadata(type)));
    }
}
