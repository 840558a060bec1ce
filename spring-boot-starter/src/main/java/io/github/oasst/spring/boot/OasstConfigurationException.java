package io.github.oasst.spring.boot;

/**
 * The {@code oasst.*} properties cannot make a client: a missing API key, a malformed base URL. The
 * application fails to start, and {@link OasstConfigurationFailureAnalyzer} says what to set.
 */
public class OasstConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String property;

    public OasstConfigurationException(String property, String message) {
        super(message);
        this.property = property;
    }

    /** The property to set or fix, for example {@code oasst.api-key}. */
    public String property() {
        return property;
    }
}
