package io.github.oasst.client.internal.http;

import feign.Request;
import java.util.concurrent.TimeUnit;

/**
 * Feign's request options with the connect and read timeouts of an OkHttp client and redirects off,
 * so that {@link OkHttpFeignClient} sends with that client (hardened: {@link OkHttpClients#harden})
 * as it is.
 *
 * <p>Feign asks for each call's options by method name ({@code Options.getMethodOptions}, an
 * experimental per-thread table whose key is a string built for every call). Until {@link
 * #setMethodOptions} is used, these options answer that they apply to every method, without the
 * lookup; afterwards Feign's own lookup applies.
 */
public final class FeignOptions extends Request.Options {
    private volatile boolean perMethod;

    public FeignOptions(okhttp3.OkHttpClient http) {
        super(
                http.connectTimeoutMillis(),
                TimeUnit.MILLISECONDS,
                http.readTimeoutMillis(),
                TimeUnit.MILLISECONDS,
                false);
    }

    @Override
    public Request.Options getMethodOptions(String methodName) {
        return perMethod ? super.getMethodOptions(methodName) : this;
    }

    @Override
    public void setMethodOptions(String methodName, Request.Options options) {
        perMethod = true;
        super.setMethodOptions(methodName, options);
    }
}
