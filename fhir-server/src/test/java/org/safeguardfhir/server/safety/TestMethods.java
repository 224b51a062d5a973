package org.safeguardfhir.server.safety;

import java.util.Optional;

/** Tells whether a test reference names a test that exists; the checker's own tests put a fake in its place. */
@FunctionalInterface
interface TestMethods {

    /** Why the reference names no test, or empty when it names one. */
    Optional<String> problem(TestReference reference);
}
