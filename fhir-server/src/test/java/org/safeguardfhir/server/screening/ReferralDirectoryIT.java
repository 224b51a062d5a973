package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The referral directory as a safeguarding lead reads it: each Organization says where its details were checked
 * ({@code meta.source}) and by when they must be checked again (the review-by extension), the NSPCC's Child
 * Trafficking Advice Centre among them in this UK deployment; and the count of entries due for review is a metric.
 */
@FhirServerIntegrationTest
class ReferralDirectoryIT {

    private static final String LEAD = TestTokens.forRoles(Role.SAFEGUARDING_LEAD);

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReferralDirectoryReview review;

    @Test
    void everyDirectoryOrganizationCarriesItsSourceAndReviewByDate() throws Exception {
        Map<String, Organization> directory = directory();

        assertThat(directory)
                .containsKeys(
                        "designated-safeguarding-lead",
                        "modern-slavery-helpline",
                        "salvation-army-referral-helpline",
                        "nspcc-ctac",
                        "police-emergency");
        assertThat(directory).allSatisfy((code, organization) -> {
            assertThat(organization.getMeta().getSource()).as(code).matches("local|https://\\S+");
            assertThat(reviewBy(organization)).as(code).isEqualTo("2027-06-30");
        });
        assertThat(directory.get("modern-slavery-helpline").getMeta().getSource())
                .isEqualTo("https://www.modernslaveryhelpline.org/");
        assertThat(directory.get("designated-safeguarding-lead").getMeta().getSource())
                .isEqualTo("local");
    }

    @Test
    void theNspccChildTraffickingAdviceCentreIsInTheUkDirectoryWithItsNumberAndEmail() throws Exception {
        Organization nspcc = directory().get("nspcc-ctac");

        assertThat(nspcc).isNotNull();
        assertThat(nspcc.getName()).isEqualTo("NSPCC Child Trafficking Advice Centre");
        assertThat(nspcc.getMeta().getSource()).startsWith("https://www.nspcc.org.uk/");
        assertThat(nspcc.getTelecom())
                .extracting(t -> t.getSystem().toCode() + ":" + t.getValue())
                .containsExactly("phone:0808 800 5000", "email:help@nspcc.org.uk");
        assertThat(nspcc.getTelecom())
                .filteredOn(t -> t.getSystem() == ContactPointSystem.EMAIL)
                .hasSize(1);
    }

    @Test
    void theOwnerOfAReferralTaskShowsWhereItsDetailsWereChecked() throws Exception {
        var screenings = new Screenings(client, jdbc);
        String id = screenings.submit(screenings.example("adult-screening-positive", screenings.patient("1990-06-15")));
        screenings.awaitProcessed(id);
        List<Task> tasks = screenings.search(Task.class, "focus=QuestionnaireResponse/" + id);
        assertThat(tasks).as("the pipeline referred the screening").isNotEmpty();

        for (Task task : tasks) {
            var answer = Http.get(port, LEAD, task.getOwner().getReference());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            var owner = FhirClients.context().newJsonParser().parseResource(Organization.class, answer.body());
            assertThat(owner.getMeta().getSource())
                    .as(task.getOwner().getReference())
                    .isNotBlank();
            assertThat(reviewBy(owner)).as(task.getOwner().getReference()).isNotNull();
        }
    }

    @Test
    void theEntriesDueForReviewAreAGauge() throws Exception {
        var metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                .header("Authorization", "Bearer " + TestTokens.forRoles(Role.ADMIN))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()
                        .lines()
                        .filter(line -> line.startsWith("safeguard_referral_directory_overdue_entries")))
                .singleElement()
                .satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isEqualTo((double) review.overdue().size()));
    }

    private Map<String, Organization> directory() throws Exception {
        var answer = Http.get(
                port, LEAD, "Organization?identifier=" + ReferralIdentifiers.DIRECTORY_SYSTEM + "%7C&_count=100");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var bundle = FhirClients.context().newJsonParser().parseResource(Bundle.class, answer.body());
        return bundle.getEntry().stream()
                .map(entry -> (Organization) entry.getResource())
                .collect(Collectors.toMap(o -> o.getIdentifierFirstRep().getValue(), Function.identity()));
    }

    private static String reviewBy(Organization organization) {
        var extension = organization.getExtensionByUrl(
                "https://safeguardfhir.org/fhir/StructureDefinition/directory-review-by");
        return extension == null ? null : extension.getValue().primitiveValue();
    }
}
