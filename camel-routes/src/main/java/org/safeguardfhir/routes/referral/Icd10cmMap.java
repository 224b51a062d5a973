package org.safeguardfhir.routes.referral;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.OtherElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ExploitationType;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The ICD-10-CM "suspected" code for an exploitation type and age group, read from our own ConceptMap (the one the
 * server also serves for {@code $translate}), so the route and the terminology can never disagree.
 */
public final class Icd10cmMap {

    private static final String RESOURCE = "fhir/ConceptMap-exploitation-type-to-icd10cm.json";

    private final ConceptMap map;

    private Icd10cmMap(ConceptMap map) {
        this.map = map;
    }

    public static Icd10cmMap load() {
        try (InputStream json = Icd10cmMap.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new Icd10cmMap(FhirContext.forR4Cached().newJsonParser().parseResource(ConceptMap.class, json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty where ICD-10-CM has no specific code (the map says "unmatched"). */
    public Optional<Coding> suspected(ExploitationType type, AgeGroup age) {
        for (ConceptMapGroupComponent group : map.getGroup()) {
            var match = group.getElement().stream()
                    .filter(element -> type.code().equals(element.getCode()))
                    .flatMap(element -> element.getTarget().stream())
                    .filter(target -> target.hasCode()
                            && dependsOn(target, Canonicals.FINDING_CERTAINTY, "suspected")
                            && dependsOn(target, Canonicals.AGE_GROUP, age.code()))
                    .findFirst();
            if (match.isPresent()) {
                return Optional.of(new Coding(
                        group.getTarget(), match.get().getCode(), match.get().getDisplay()));
            }
        }
        return Optional.empty();
    }

    private static boolean dependsOn(TargetElementComponent target, String codeSystemId, String code) {
        return target.getDependsOn().stream()
                .filter(OtherElementComponent::hasValue)
                .anyMatch(other -> other.getProperty().endsWith("/" + codeSystemId) && code.equals(other.getValue()));
    }
}
