package org.safeguardfhir.deidentification.config;

import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;

/**
 * The nodes a rule's path selects in a resource. Results are nodes of the resource itself, except the few values the
 * FHIRPath engine re-creates (ids, narrative); the engine maps those back by value.
 */
public interface Selector {

    List<Base> select(Resource resource);
}
