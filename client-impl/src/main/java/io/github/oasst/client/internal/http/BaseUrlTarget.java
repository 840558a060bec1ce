package io.github.oasst.client.internal.http;

import feign.Request;
import feign.Request.HttpMethod;
import feign.RequestTemplate;
import feign.Target;
import java.util.Objects;

/**
 * Feign's target of an interface at a base URL: what {@link Target.HardCodedTarget} does, without
 * parsing the base URL again for every request ({@code RequestTemplate.target} runs {@code
 * URI.create} on it each time). The base URL is checked once, when the client is built: absolute,
 * without query, fragment or trailing slash.
 */
public final class BaseUrlTarget<T> implements Target<T> {
    private final Class<T> type;
    private final String baseUrl;

    public BaseUrlTarget(Class<T> type, String baseUrl) {
        this.type = Objects.requireNonNull(type, "type");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public String name() {
        return baseUrl;
    }

    @Override
    public String url() {
        return baseUrl;
    }

    @Override
    public Request apply(RequestTemplate template) {
        String path = template.url();
        String url = path.startsWith("http") ? path : baseUrl + path;
        return Request.create(
                HttpMethod.valueOf(template.method()),
                url,
                template.headers(),
                template.body(),
                template.requestCharset(),
                template);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BaseUrlTarget<?> that && type.equals(that.type) && baseUrl.equals(that.baseUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, baseUrl);
    }

    @Override
    public String toString() {
        return "BaseUrlTarget(type=" + type.getSimpleName() + ", url=" + baseUrl + ")";
    }
}
