package org.safeguardfhir.deidentification.config;

/** A configuration that must not be used: its message names the rule (index and path) or parameter at fault. */
public class DeidentificationConfigException extends RuntimeException {

    public DeidentificationConfigException(String message) {
        super(message);
    }

    public DeidentificationConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
