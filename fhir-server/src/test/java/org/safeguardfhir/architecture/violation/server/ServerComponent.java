package org.safeguardfhir.architecture.violation.server;

/** Test fixture: the target of a forbidden upward dependency. */
public class ServerComponent {

    public String name() {
        return "server";
    }
}
