package io.github.oasst.client.internal.http;

import feign.Request;
import feign.Request.HttpMethod;
import feign.RequestTemplate;
import feign.Target;
import io.github.oasst.client.api.OasstUserHeader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Feign's target of an interface at a base URL: what {@link Target.HardCodedTarget} does, without
 * parsing the base URL again for every request ({@code RequestTemplate.target} runs {@code
 * URI.create} on it each time). The base URL is checked once, when the client is built: absolute,
 * without query, fragment or trailing slash.
 *
 * <p>The target of a client's per-user view also names the user: every request gets its {@value
 * OasstUserHeader#NAME} header, as a literal (Feign's header templates would turn a {@code %2F} of
 * the value into {@code /}), unless the method sets one itself.
 */
public final class BaseUrlTarget<T> implements Target<T> {
    private final Class<T> type;
    private final String baseUrl;
    private final @Nullable String userHeader;

    public BaseUrlTarget(Class<T> type, String baseUrl) {
        this(type, baseUrl, null);
    }

    /** @param userHeader the value of {@value OasstUserHeader#NAME} for every request, or null */
    public BaseUrlTarget(Class<T> type, String baseUrl, @Nullable String userHeader) {
        this.type = Objects.requireNonNull(type, "type");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.userHeader = userHeader;
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
        Map<String, Collection<String>> headers = template.headers();
        if (userHeader != null && !headers.containsKey(OasstUserHeader.NAME)) {
            Map<String, Collection<String>> withUser = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            withUser.putAll(headers);
            withUser.put(OasstUserHeader.NAME, List.of(userHeader));
            headers = withUser;
        }
        return Request.create(
                HttpMethod.valueOf(template.method()),
                url,
                headers,
                template.body(),
                template.requestCharset(),
                template);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BaseUrlTarget<?> that
                && type.equals(that.type)
                && baseUrl.equals(that.baseUrl)
                && Objects.equals(userHeader, that.userHeader);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, baseUrl, userHeader);
    }

    @Override
    public String toString() {
        return "BaseUrlTarget(type=" + type.getSimpleName() + ", url=" + baseUrl
                + (userHeader == null ? "" : ", user=" + userHeader) + ")";
    }
}
