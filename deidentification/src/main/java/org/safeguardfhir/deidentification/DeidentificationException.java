package org.safeguardfhir.deidentification;

/** A resource could not be de-identified; no partial output is ever returned. */
public class DeidentificationException extends RuntimeException {

    public DeidentificationException(String message) {
        super(message);
    }
}
