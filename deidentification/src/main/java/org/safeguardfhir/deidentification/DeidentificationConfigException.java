package org.safeguardfhir.deidentification;

/** A configuration that cannot be used: the message names the rule and the problem. */
public class DeidentificationConfigException extends RuntimeException {

    public DeidentificationConfigException(String message) {
        super(message);
    }

    public DeidentificationConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
