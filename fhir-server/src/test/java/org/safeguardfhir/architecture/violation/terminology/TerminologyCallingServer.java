package org.safeguardfhir.architecture.violation.terminology;

import org.safeguardfhir.architecture.violation.server.ServerComponent;

/** Test fixture: a dependency against the module direction, which the architecture rules must report. */
public class TerminologyCallingServer {

    public String reachUp() {
        return new ServerComponent().name();
    }
}
