package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlBodyTest {

    private static final String NS = "xmlns=\"http://hl7.org/fhir\"";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<!DOCTYPE Patient SYSTEM \"http://example.org/x.dtd\"><Patient " + NS + "/>|document type declaration",
                "<Patient " + NS + " xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\"/>"
                        + "</Patient>|outside the FHIR namespace",
                "<Patient xmlns=\"http://example.org\"/>|outside the FHIR namespace",
                "<Patient><active value=\"true\"/></Patient>|in no namespace",
                "<Patient " + NS + "><active>true</active></Patient>|text inside the element",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Patient " + NS + "/>|FHIR XML is UTF-8",
                "<Patient " + NS + "><active value=\"true\">|not well-formed XML",
            })
    void refusesWhatFhirXmlForbids(String xml, String problem) {
        assertThat(XmlBody.problem(xml.getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(found -> assertThat(found).contains(problem));
    }

    @Test
    void whatHapiWritesPassesNarrativeIncluded() {
        var patient = new Patient().setActive(true);
        patient.addName().setFamily("Okafor");
        patient.getText()
                .setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Okafor, <b>active</b></p></div>");
        String xml = FhirContext.forR4Cached().newXmlParser().encodeResourceToString(patient);

        assertThat(XmlBody.problem(
                        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
