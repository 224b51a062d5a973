package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Records full of identifying values, through each shipped configuration: none of those values may appear anywhere in
 * the output. The patient's id is among them, so a pseudonym that merely wraps it would fail too.
 */
class NoDirectIdentifierSurvivesTest {

    private static final List<String> IDENTIFYING = List.of(
            "pat-4711",
            "9434765919",
            "Lima",
            "Ana Paula",
            "12 Rose Street",
            "SW1A 1AA",
            "+44 7700 900123",
            "ana@example.org",
            "2004-03-09",
            "photo-bytes",
            "uncle",
            "Jonas",
            "+47 912 34 567",
            "Dr Ruth Hale",
            "GMC-7034567",
            "ruth.hale@nhs.example",
            "Rose Street Surgery",
            "ODS-Y01234",
            "nrm-ref-778899",
            "He took her passport",
            "Speaks only Portuguese",
            "2026-11-20T10:45",
            "crime-ref-55");

    private static final Map<String, String> ENVIRONMENT =
            Map.of("SAFEGUARD_DEID_HASH_KEY", Fixtures.key(11), "SAFEGUARD_DEID_DATE_SHIFT_KEY", Fixtures.key(12));

    @Test
    void theDashboardConfigurationLetsNoIdentifierThrough() {
        assertNothingIdentifyingIn(Fixtures.shipped("dashboard", ENVIRONMENT));
    }

    @Test
    void theResearchConfigurationLetsNoIdentifierThrough() {
        assertNothingIdentifyingIn(Fixtures.shipped("research", ENVIRONMENT));
    }

    private static void assertNothingIdentifyingIn(Deidentifier engine) {
        for (Resource resource : records()) {
            var output = engine.deidentify(resource, "Patient/pat-4711");
            String json = Fixtures.json(output);
            for (String value : IDENTIFYING) {
                assertThat(json)
                        .as("%s after %s", resource.fhirType(), engine.configurationName())
                        .doesNotContain(value);
            }
        }
    }

    static List<Resource> records() {
        var patient = new Patient();
        patient.setId("pat-4711");
        patient.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString("<div>Ana Paula Lima</div>");
        patient.addIdentifier(
                new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765919"));
        patient.addName(new HumanName().setFamily("Lima").addGiven("Ana Paula"));
        patient.addTelecom(new ContactPoint()
                .setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue("+44 7700 900123"));
        patient.addTelecom(new ContactPoint()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue("ana@example.org"));
        patient.addAddress(new Address()
                .addLine("12 Rose Street")
                .setPostalCode("SW1A 1AA")
                .setCountry("GB"));
        patient.setBirthDateElement(new DateType("2004-03-09"));
        patient.setGender(AdministrativeGender.FEMALE);
        patient.addPhoto(new Attachment().setData("photo-bytes".getBytes()).setTitle("photo-bytes"));
        patient.addContact()
                .setName(new HumanName().setFamily("Jonas"))
                .addTelecom(new ContactPoint().setValue("+47 912 34 567"));

        var related = new RelatedPerson(new Reference("Patient/pat-4711"));
        related.setId("rp-1");
        related.addName(new HumanName().setText("Jonas, says he is her uncle"));
        related.addTelecom(new ContactPoint().setValue("+47 912 34 567"));

        var practitioner = new Practitioner();
        practitioner.setId("pr-1");
        practitioner.addName(new HumanName().setText("Dr Ruth Hale"));
        practitioner.addIdentifier(new Identifier()
                .setSystem("https://fhir.hl7.org.uk/Id/gmc-number")
                .setValue("GMC-7034567"));
        practitioner.addTelecom(new ContactPoint().setValue("ruth.hale@nhs.example"));

        var organization = new Organization();
        organization.setId("org-1");
        organization.addIdentifier(new Identifier()
                .setSystem("https://fhir.nhs.uk/Id/ods-organization-code")
                .setValue("ODS-Y01234"));
        organization.setName("Safeguarding team");
        organization.addAddress(new Address().addLine("12 Rose Street").setPostalCode("SW1A 1AA"));
        organization.addTelecom(new ContactPoint().setValue("+44 7700 900123"));
        organization.addAlias("Rose Street Surgery");

        var task = new Task();
        task.setId("task-1");
        task.addIdentifier(new Identifier().setSystem("https://example.org/nrm").setValue("nrm-ref-778899"));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setFor(new Reference("Patient/pat-4711").setDisplay("Ana Paula Lima"));
        task.setAuthoredOnElement(new DateTimeType("2026-11-20T10:45:00Z"));
        task.setRequester(new Reference("Practitioner/pr-1").setDisplay("Dr Ruth Hale"));
        task.addNote(new Annotation().setText("He took her passport"));
        task.setDescription("Speaks only Portuguese");

        var response = new QuestionnaireResponse();
        response.setId("qr-1");
        response.setSubject(new Reference("Patient/pat-4711"));
        response.setAuthoredElement(new DateTimeType("2026-11-20T10:45:00Z"));
        response.addItem().setLinkId("notes").addAnswer().setValue(new StringType("He took her passport"));

        var observation = new Observation();
        observation.setId("obs-1");
        observation.setSubject(new Reference("Patient/pat-4711"));
        observation.setEffective(new DateTimeType("2026-11-20T10:45:00Z"));
        observation.setValue(new StringType("Speaks only Portuguese"));
        observation.addNote(new Annotation().setText("crime-ref-55"));

        var condition = new Condition();
        condition.setId("cond-1");
        condition.setSubject(new Reference("Patient/pat-4711").setDisplay("Ana Paula Lima"));
        condition.setCode(new CodeableConcept().setText("He took her passport"));
        condition.setRecordedDateElement(new DateTimeType("2026-11-20T10:45:00Z"));

        var flag = new Flag();
        flag.setId("flag-1");
        flag.setSubject(new Reference("Patient/pat-4711"));
        flag.setCode(new CodeableConcept().setText("Speaks only Portuguese"));
        flag.setAuthor(new Reference("Practitioner/pr-1").setDisplay("Dr Ruth Hale"));

        return List.of(patient, related, practitioner, organization, task, response, observation, condition, flag);
    }
}
