package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.errors.NamedProblem;
import org.springframework.util.unit.DataSize;

class BundleEntriesTest {

    private static final RequestLimits LIMITS = new RequestLimits(
            DataSize.ofMegabytes(10), 5, 2, 10, 12, 30, 5, 10_000, 2048, Duration.ofSeconds(30), Duration.ofSeconds(1));
    // No entry here reaches a typed search parameter, so no registry is needed.
    private static final BundleEntries ENTRIES =
            new BundleEntries(new SearchParameters(FhirContext.forR4Cached(), null, LIMITS));

    private static java.util.Optional<String> problem(Bundle bundle) {
        return ENTRIES.problem(bundle).map(NamedProblem::diagnostics);
    }

    private static Bundle transaction() {
        return new Bundle().setType(BundleType.TRANSACTION);
    }

    @Test
    void anEntryWithoutARequestOrResourceOrWithAMalformedIfMatchIsNamed() {
        var missingRequest = transaction();
        missingRequest.addEntry().setResource(new Patient());
        var missingResource = transaction();
        missingResource.addEntry().getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        var badIfMatch = transaction();
        badIfMatch
                .addEntry()
                .setResource(new Patient().setId("1"))
                .getRequest()
                .setMethod(HTTPVerb.PUT)
                .setUrl("Patient/1")
                .setIfMatch("3");

        assertThat(problem(missingRequest)).contains("Bundle.entry[0].request.method is missing");
        assertThat(problem(missingResource)).contains("Bundle.entry[0].resource is missing for POST");
        assertThat(problem(badIfMatch))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("Bundle.entry[0].request.ifMatch"));
    }

    @Test
    void theOutcomeNamesTheEntrysElement() {
        var bundle = transaction();
        bundle.addEntry().setResource(new Patient());

        assertThat(ENTRIES.problem(bundle).map(NamedProblem::expression)).contains("Bundle.entry[0].request.method");
    }

    @Test
    void aBundleOfAnotherTypeIsNoTransaction() {
        assertThat(problem(new Bundle())).contains("A Bundle sent to the base is of type transaction or batch");
    }

    @Test
    void aUrnUuidFullUrlMustBeAUuid() {
        var bundle = transaction();
        bundle.addEntry()
                .setFullUrl("urn:uuid:hostile")
                .setResource(new Patient())
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl("Patient");

        assertThat(problem(bundle)).hasValueSatisfying(p -> assertThat(p).contains("not followed by a UUID"));
    }

    @Test
    void oneResourceChangedByTwoEntriesOfATransactionIsRefusedButNotInABatch() {
        var bundle = transaction();
        bundle.addEntry()
                .setResource(new Patient().setId("1"))
                .getRequest()
                .setMethod(HTTPVerb.PUT)
                .setUrl("Patient/1");
        bundle.addEntry().getRequest().setMethod(HTTPVerb.DELETE).setUrl("Patient/1");

        assertThat(problem(bundle))
                .hasValueSatisfying(p -> assertThat(p).startsWith("Bundle.entry[1] changes Patient/"));
        assertThat(problem(bundle.setType(BundleType.BATCH))).isEmpty();
    }

    @Test
    void aPutWhoseIdIsNotItsUrlsADeleteWithoutIdAGetThatCannotRunAndANestedTransactionAreNamed() {
        var put = transaction();
        put.addEntry()
                .setResource(new Patient().setId("other"))
                .getRequest()
                .setMethod(HTTPVerb.PUT)
                .setUrl("Patient/1");
        var delete = transaction();
        delete.addEntry().getRequest().setMethod(HTTPVerb.DELETE).setUrl("Patient");
        var get = transaction();
        get.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient?_count=abc");
        var version = transaction();
        version.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient/1/_history/abc");
        var nested = transaction();
        nested.addEntry()
                .setResource(transaction())
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl("Bundle");

        assertThat(problem(put)).hasValueSatisfying(p -> assertThat(p).contains("differs from the id"));
        assertThat(problem(delete)).hasValueSatisfying(p -> assertThat(p).contains("without an id"));
        assertThat(problem(get)).hasValueSatisfying(p -> assertThat(p).contains("_count must be a whole"));
        assertThat(problem(version)).hasValueSatisfying(p -> assertThat(p).contains("version that is no"));
        assertThat(problem(nested)).hasValueSatisfying(p -> assertThat(p).contains("sent on its own"));
    }
}
