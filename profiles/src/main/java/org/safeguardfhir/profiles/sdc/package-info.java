/**
 * What a Structured Data Capture form filler does with our Questionnaires, done in Java: evaluating their FHIRPath
 * expressions and making their language variants. The server's {@code $populate} and the conformance tests use it, so
 * both read the expressions the renderers read.
 */
package org.safeguardfhir.profiles.sdc;
