package org.safeguardfhir.deidentification;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;

/**
 * A primitive value met by the walk, with what a method needs to know about where it sits.
 *
 * @param direct the deciding rule selected this value itself, rather than something around it
 * @param root the resource being de-identified, for FHIRPath {@code %resource}
 */
record ValueSite(PrimitiveType<?> value, Base parent, String property, boolean direct, Resource root) {}
