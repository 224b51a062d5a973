package org.safeguardfhir.deidentification.config;

import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;

/**
 * A rule path checked against the FHIR model.
 *
 * @param resourceType the type the rule is limited to, {@code null} for every type
 * @param types the FHIR types the path can select (e.g. {@code date}, {@code Reference}); empty when unknown
 * @param element an empty instance of the selected element when the path is a plain chain of names, which tells
 *     what the type check cannot, such as whether a {@code code} has a fixed value set
 */
record CompiledPath(Selector selector, String resourceType, Set<String> types, Optional<Base> element) {}
