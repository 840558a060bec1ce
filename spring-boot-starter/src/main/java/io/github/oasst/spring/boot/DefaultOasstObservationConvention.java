package io.github.oasst.spring.boot;

import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.retry.OasstCall;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * {@code oasst.client.calls}, one per call (its retries included), with low-cardinality keys only (no
 * ids): {@code operation} ({@code fetch-task}, …), {@code outcome} ({@code succeeded}, {@code
 * reconciled}, {@code failed}), {@code status} (the failure's HTTP status, {@code 2xx} for a success,
 * {@code none} when no answer came) and {@code error.code} (the OASST error code's name, the kind of
 * a transport failure, or {@code none}); {@code attempts} as a high-cardinality value.
 */
public class DefaultOasstObservationConvention implements OasstObservationConvention {
    /** The observation's name, and so the timer's. */
    public static final String NAME = "oasst.client.calls";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(OasstObservationContext context) {
        return "oasst " + operation(context);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(OasstObservationContext context) {
        OasstCall call = context.call();
        if (call == null) {
            return KeyValues.of(
                    "operation", operation(context), "outcome", "unknown", "status", "none", "error.code", "none");
        }
        Throwable failure = call.failure();
        return KeyValues.of(
                "operation",
                operation(context),
                "outcome",
                call.outcome().name().toLowerCase(Locale.ROOT),
                "status",
                failure == null ? "2xx" : status(failure),
                "error.code",
                failure == null ? "none" : errorCode(failure));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(OasstObservationContext context) {
        OasstCall call = context.call();
        return call == null ? KeyValues.empty() : KeyValues.of("attempts", String.valueOf(call.attempts()));
    }

    private static String operation(OasstObservationContext context) {
        return context.operation().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String status(Throwable failure) {
        if (failure instanceof OasstError error) {
            return String.valueOf(error.status());
        }
        if (failure instanceof OasstDecodeException decode) {
            return String.valueOf(decode.status());
        }
        return "none";
    }

    private static String errorCode(Throwable failure) {
        if (failure instanceof OasstError error) {
            return error.knownErrorCode()
                    .map(OasstErrorCode::name)
                    .orElse(
                            error.errorCode().isPresent()
                                    ? String.valueOf(error.errorCode().getAsInt())
                                    : "none");
        }
        if (failure instanceof OasstTransportException transport) {
            return transport.kind().name();
        }
        return "none";
    }
}
