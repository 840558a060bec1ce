package io.github.oasst.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import io.github.oasst.client.api.OasstTasksApi;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseUrlTargetTest {
    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8080, /api/v1/tasks/",
        "https://backend.example.org/prefix, /api/v1/tasks/{taskId}/ack",
        "https://backend.example.org/a/b, /api/v1/tasks/availability?lang={lang}",
    })
    void makesTheRequestFeignsHardCodedTargetMakes(String baseUrl, String uri) {
        Request ours = new BaseUrlTarget<>(OasstTasksApi.class, baseUrl).apply(template(uri));
        Request feigns = new Target.HardCodedTarget<>(OasstTasksApi.class, baseUrl).apply(template(uri));

        assertThat(ours.url()).isEqualTo(feigns.url());
        assertThat(ours.httpMethod()).isEqualTo(feigns.httpMethod());
        assertThat(ours.headers()).isEqualTo(feigns.headers());
        assertThat(ours.body()).isEqualTo(feigns.body());
        assertThat(ours.charset()).isEqualTo(feigns.charset());
    }

    private static RequestTemplate template(String uri) {
        RequestTemplate template = new RequestTemplate()
                .method(Request.HttpMethod.POST)
                .uri(uri)
                .header("Content-Type", "application/json")
                .body("{\"a\":1}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return template.resolve(Map.of("taskId", "00908626-7a35-4e1c-9582-29613f757c10", "lang", "pt-BR"));
    }
}
