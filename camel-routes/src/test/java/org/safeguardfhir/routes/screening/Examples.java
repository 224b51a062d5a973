package org.safeguardfhir.routes.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.safeguardfhir.testfixtures.FhirExamples;

/** The shipped example screenings the pipeline's tests run through the rules. */
public final class Examples {

    /** The shipped example QuestionnaireResponses, by id. */
    public static final List<String> RESPONSES = List.of(
            "adult-screening-amended",
            "adult-screening-immediate-danger",
            "adult-screening-negative",
            "adult-screening-positive",
            "adult-screening-positive-duty-to-notify",
            "child-screening-high-risk",
            "child-screening-positive");

    private Examples() {}

    public static QuestionnaireResponse response(String id) {
        return FhirExamples.of(QuestionnaireResponse.class, id);
    }

    /** The birth date of the example Patient the response is about, if that Patient is shipped and has one. */
    public static Optional<LocalDate> subjectBirthDate(QuestionnaireResponse response) {
        String id = response.getSubject().getReferenceElement().getIdPart();
        return FhirExamples.find(Patient.class, id)
                .filter(Patient::hasBirthDate)
                // The string form: a FHIR date has no time zone, and Date would give it the JVM's.
                .map(patient -> LocalDate.parse(patient.getBirthDateElement().getValueAsString()));
    }
}
