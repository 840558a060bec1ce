package io.github.oasst.spring.boot;

/**
 * The {@code oasst.*} properties cannot make a client: a missing or blank API key or base URL, a
 * placeholder that did not resolve, a base URL that is not {@code http(s)://}. The application fails
 * to start, and {@link OasstConfigurationFailureAnalyzer} says what to set. No message holds the key.
 */
public class OasstConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final String action;

    public OasstConfigurationException(String property, String message) {
        this(property, message, "Set " + property + ", or define an OasstClient bean of your own.");
    }

    /** @param action what to do about it, for the failure analysis */
    public OasstConfigurationException(String property, String message, String action) {
        super(message);
        this.property = property;
        this.action = action;
    }

    /** The property to set or fix, for example {@code oasst.api-key}. */
    public String property() {
        return property;
    }

    /** What to set or fix. */
    public String action() {
        return action;
    }
}
