package io.github.oasst.spring.boot;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names an OASST call's observation and its key values; a bean of this type replaces the default. */
public interface OasstObservationConvention extends ObservationConvention<OasstObservationContext> {
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof OasstObservationContext;
    }
}
