package org.safeguardfhir.server.dashboard;

import java.util.Optional;
import org.safeguardfhir.deidentification.Deidentifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds the patient behind a pseudonym of the dashboard's view by computing the pseudonym of each patient on record
 * and comparing: a keyed hash cannot be reversed, and a table of pseudonyms kept beside the records would be one more
 * copy of the link to secure and keep in step with key changes. One HMAC per patient, milliseconds for tens of
 * thousands.
 *
 * <p>The patient ids come from HAPI's resource table ({@code HFJ_RESOURCE}), read directly because HAPI's search API
 * would load every Patient resource to give their ids; {@code DashboardPseudonymIT} holds this to the HAPI version we
 * ship.
 */
class PatientPseudonyms {

    private final JdbcClient jdbc;
    private final Deidentifier view;

    PatientPseudonyms(JdbcClient jdbc, Deidentifier view) {
        this.jdbc = jdbc;
        this.view = view;
    }

    /** Whether the view pseudonymises patients by a keyed hash, so that its pseudonyms can be resolved at all. */
    boolean resolvable() {
        return view.pseudonym("Patient", "0").isPresent();
    }

    /** {@code Patient/<id>} of the patient the view calls {@code pseudonym}, if any patient on record. */
    Optional<String> resolve(String pseudonym) {
        try (var ids = jdbc
                .sql("SELECT fhir_id FROM hfj_resource WHERE res_type = 'Patient' AND res_deleted_at IS NULL")
                .query((row, number) -> row.getString(1))
                .stream()) {
            return ids.filter(id -> view.pseudonym("Patient", id).orElseThrow().equals(pseudonym))
                    .findFirst()
                    .map(id -> "Patient/" + id);
        }
    }
}
