package org.safeguardfhir.server.statistics;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Task;
import org.safeguardfhir.deidentification.method.AgeBands;
import org.safeguardfhir.deidentification.method.PostcodeDistrict;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Reads the screenings of a period and what the pipeline made of them, straight from the repository (this is the
 * server's own aggregate view, not a caller's search), keeping only what {@link Screening} holds: the outcome from the
 * screening-result Observation, the exploitation types of the suspected-trafficking Conditions that still stand, and
 * the pathways of the referrals actually sent ({@link CountingRules}).
 */
class ScreeningLoader {

    private static final AgeBands AGE_BANDS = new AgeBands(AgeBands.STANDARD);

    static final String UNKNOWN = "unknown";
    private static final int CHUNK = 50;
    private static final Set<String> NOT_POSITIVE = Set.of("negative");

    private final DaoRegistry daos;

    ScreeningLoader(DaoRegistry daos) {
        this.daos = daos;
    }

    /** Screenings completed (or amended) from {@code start} to {@code end}, both inclusive. */
    List<Screening> load(LocalDate start, LocalDate end) {
        var map = SearchParameterMap.newSynchronous();
        map.add(
                "authored",
                new DateRangeParam(
                        java.util.Date.from(start.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        java.util.Date.from(end.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .minusNanos(1_000_000)
                                .toInstant())));
        var responses = new ArrayList<QuestionnaireResponse>();
        for (IBaseResource found : all("QuestionnaireResponse", map)) {
            var response = (QuestionnaireResponse) found;
            if (isScreening(response)) {
                responses.add(response);
            }
        }
        var outcomes = new HashMap<String, String>();
        var types = new HashMap<String, Set<String>>();
        var pathways = new HashMap<String, List<String>>();
        for (int from = 0; from < responses.size(); from += CHUNK) {
            var references = new ReferenceOrListParam();
            responses
                    .subList(from, Math.min(from + CHUNK, responses.size()))
                    .forEach(r -> references.addOr(new ReferenceParam(reference(r))));
            for (var found : related("Observation", "derived-from", references)) {
                var observation = (Observation) found;
                observation
                        .getDerivedFrom()
                        .forEach(d -> outcomes.put(
                                d.getReference(),
                                observation
                                        .getValueCodeableConcept()
                                        .getCodingFirstRep()
                                        .getCode()));
            }
            for (var found : related("Condition", "evidence-detail", references)) {
                var condition = (Condition) found;
                if (!CountingRules.stands(condition)) {
                    continue;
                }
                condition.getEvidence().stream()
                        .flatMap(e -> e.getDetail().stream())
                        .forEach(d -> types.computeIfAbsent(d.getReference(), k -> new HashSet<>())
                                .add(code(condition)));
            }
            for (var found : related("Task", "focus", references)) {
                var task = (Task) found;
                CountingRules.sentPathway(task).ifPresent(pathway -> pathways.computeIfAbsent(
                                task.getFocus().getReference(), k -> new ArrayList<>())
                        .add(pathway));
            }
        }
        var patients = new HashMap<String, Patient>();
        var screenings = new ArrayList<Screening>();
        for (var response : responses) {
            String id = reference(response);
            var authored = response.getAuthoredElement().getValue().toInstant().atZone(ZoneOffset.UTC);
            var patient = patient(response.getSubject().getReference(), patients);
            String outcome = outcomes.get(id);
            screenings.add(new Screening(
                    YearMonth.from(authored),
                    ageBand(patient, authored.toLocalDate()),
                    region(patient),
                    outcome != null && !NOT_POSITIVE.contains(outcome),
                    types.getOrDefault(id, Set.of()),
                    pathways.getOrDefault(id, List.of())));
        }
        return screenings;
    }

    private static boolean isScreening(QuestionnaireResponse response) {
        var status = response.getStatus();
        return (status == QuestionnaireResponseStatus.COMPLETED || status == QuestionnaireResponseStatus.AMENDED)
                && response.hasAuthored()
                && ConformancePackage.isScreeningQuestionnaire(response.getQuestionnaire());
    }

    private List<IBaseResource> related(String type, String parameter, ReferenceOrListParam references) {
        var map = SearchParameterMap.newSynchronous();
        map.add(parameter, references);
        return all(type, map);
    }

    private List<IBaseResource> all(String type, SearchParameterMap map) {
        var found = daos.getResourceDao(type).search(map, new SystemRequestDetails());
        return found.getAllResources();
    }

    private Patient patient(String reference, Map<String, Patient> cache) {
        if (reference == null || !reference.startsWith("Patient/")) {
            return null;
        }
        return cache.computeIfAbsent(reference, ref -> (Patient)
                daos.getResourceDao("Patient").read(new org.hl7.fhir.r4.model.IdType(ref), new SystemRequestDetails()));
    }

    static String ageBand(Patient patient, LocalDate on) {
        if (patient == null || !patient.hasBirthDate()) {
            return UNKNOWN;
        }
        return AGE_BANDS.band(patient.getBirthDateElement(), on).orElse(UNKNOWN);
    }

    private static String region(Patient patient) {
        if (patient == null) {
            return UNKNOWN;
        }
        return patient.getAddress().stream()
                .filter(a -> a.hasPostalCode())
                .findFirst()
                .map(a -> PostcodeDistrict.of(a.getPostalCode()).orElse(UNKNOWN))
                .orElse(UNKNOWN);
    }

    private static String code(Condition condition) {
        return condition.getCode().getCoding().stream()
                .filter(c -> Canonicals.codeSystem(Canonicals.EXPLOITATION_TYPE).equals(c.getSystem()))
                .map(c -> c.getCode())
                .findFirst()
                .orElse(UNKNOWN);
    }

    private static String reference(IBaseResource resource) {
        return resource.getIdElement().toUnqualifiedVersionless().getValue();
    }
}
