package org.safeguardfhir.routes.referral;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Provenance.ProvenanceEntityRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * Links every resource a delivery writes to the screening response version it came from. Written only with other
 * writes, so a redelivery that changes nothing leaves no trace but its audit.
 */
final class ProvenanceMapper {

    private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    void map(ScreeningCase screening, Instant now, TransactionBuilder writes) {
        if (writes.isEmpty()) {
            return;
        }
        var provenance = new Provenance();
        SecurityLabels.leadOnly(provenance, false);
        writes.written().forEach(target -> provenance.addTarget(target.copy()));
        provenance.setRecorded(Date.from(now));
        provenance
                .addAgent()
                .setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "assembler", "Assembler")))
                .setWho(new Reference().setDisplay("Safeguard FHIR screening-to-referral route"));
        provenance
                .addEntity()
                .setRole(ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference("QuestionnaireResponse/" + screening.responseId() + "/_history/"
                        + screening.responseVersion()));
        writes.create(provenance);
    }
}
