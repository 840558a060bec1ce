package io.github.oasst.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import feign.DefaultContract;
import feign.MethodMetadata;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The asynchronous interface declares the blocking one's requests, method for method. */
class OasstTasksAsyncApiTest {
    private static Map<String, MethodMetadata> methods(Class<?> api) {
        List<MethodMetadata> parsed = new DefaultContract().parseAndValidateMetadata(api);
        return parsed.stream()
                .collect(Collectors.toMap(m -> m.method().getName(), Function.identity(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyMethodSendsWhatItsBlockingTwinSends() {
        Map<String, MethodMetadata> blocking = methods(OasstTasksApi.class);
        Map<String, MethodMetadata> async = methods(OasstTasksAsyncApi.class);

        assertThat(async.keySet()).isEqualTo(blocking.keySet());
        for (String name : blocking.keySet()) {
            MethodMetadata b = blocking.get(name);
            MethodMetadata a = async.get(name);
            assertThat(a.template().method()).as(name).isEqualTo(b.template().method());
            assertThat(a.template().url()).as(name).isEqualTo(b.template().url());
            assertThat(a.template().headers()).as(name).isEqualTo(b.template().headers());
            assertThat(a.bodyType()).as(name).isEqualTo(b.bodyType());
            assertThat(a.indexToName()).as(name).isEqualTo(b.indexToName());
            assertThat(a.method().getParameterTypes())
                    .as(name)
                    .isEqualTo(b.method().getParameterTypes());
            assertThat(futureOf(a.method().getGenericReturnType()))
                    .as(name)
                    .isEqualTo(boxed(b.method().getGenericReturnType()));
        }
    }

    private static Type futureOf(Type type) {
        assertThat(type).isInstanceOf(ParameterizedType.class);
        ParameterizedType future = (ParameterizedType) type;
        assertThat(future.getRawType()).isEqualTo(CompletableFuture.class);
        return future.getActualTypeArguments()[0];
    }

    private static Type boxed(Type type) {
        return type == void.class ? Void.class : type;
    }
}
