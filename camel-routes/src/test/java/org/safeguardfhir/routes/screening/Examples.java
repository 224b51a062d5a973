package org.safeguardfhir.routes.screening;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The example resources shipped in the profiles jar, read from the test classpath so that tests use exactly the files
 * the conformance package publishes. Public because the referral tests plan from the same examples.
 */
public final class Examples {

    /** The shipped example QuestionnaireResponses, by the part of the file name after the resource type. */
    public static final List<String> RESPONSES = List.of(
            "adult-screening-amended",
            "adult-screening-immediate-danger",
            "adult-screening-negative",
            "adult-screening-positive",
            "adult-screening-positive-duty-to-notify",
            "child-screening-high-risk",
            "child-screening-positive");

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private Examples() {}

    public static QuestionnaireResponse response(String name) {
        return read("QuestionnaireResponse-" + name + ".json", QuestionnaireResponse.class)
                .orElseThrow(() -> new IllegalArgumentException("no example response " + name));
    }

    /** The birth date of the example Patient the response is about, if that Patient is shipped and has one. */
    public static Optional<LocalDate> subjectBirthDate(QuestionnaireResponse response) {
        String id = response.getSubject().getReferenceElement().getIdPart();
        return read("Patient-" + id + ".json", Patient.class)
                .filter(Patient::hasBirthDate)
                // The string form: a FHIR date has no time zone, and Date would give it the JVM's.
                .map(patient -> LocalDate.parse(patient.getBirthDateElement().getValueAsString()));
    }

    private static <T extends IBaseResource> Optional<T> read(String file, Class<T> type) {
        try (InputStream json = Examples.class.getClassLoader().getResourceAsStream("fhir/examples/" + file)) {
            return json == null
                    ? Optional.empty()
                    : Optional.of(FHIR.newJsonParser().parseResource(type, json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
