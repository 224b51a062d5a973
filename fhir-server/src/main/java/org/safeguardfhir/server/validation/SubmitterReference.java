package org.safeguardfhir.server.validation;

import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Who submitted a screening, as its verified token says: the user ({@code fhirUser}) where the token names one,
 * otherwise the OAuth client, otherwise the token's subject. An off-the-shelf form renderer does not know who is
 * logged in; the token does. Recorded by identifier rather than as a literal reference, because the user's record
 * usually lives in the EHR, not here, and a reference to it could not be resolved.
 */
public final class SubmitterReference {

    static final String FHIR_USER_SYSTEM = Canonicals.BASE + "/sid/fhir-user";
    static final String CLIENT_SYSTEM = Canonicals.BASE + "/sid/oauth-client";
    static final String SUBJECT_SYSTEM = Canonicals.BASE + "/sid/oauth-subject";

    private SubmitterReference() {}

    /** The submitter of the request this thread serves; empty for the server's own work. */
    public static Optional<Reference> current() {
        return CallerAuthentication.currentAuthentication().flatMap(SubmitterReference::of);
    }

    static Optional<Reference> of(CallerAuthentication authentication) {
        var caller = authentication.caller();
        if (caller.fhirUser().isPresent()) {
            String user = caller.fhirUser().get();
            var reference = new Reference()
                    .setIdentifier(new Identifier().setSystem(FHIR_USER_SYSTEM).setValue(user));
            String type = new IdType(user).getResourceType();
            if (type != null && !type.isBlank()) {
                reference.setType(type);
            }
            return Optional.of(reference);
        }
        var client = authentication.client().filter(c -> !c.isBlank());
        if (client.isPresent()) {
            return Optional.of(new Reference()
                    .setType("Device")
                    .setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(client.get())));
        }
        return Optional.of(caller.subject())
                .filter(subject -> !subject.isBlank())
                .map(subject -> new Reference()
                        .setIdentifier(
                                new Identifier().setSystem(SUBJECT_SYSTEM).setValue(subject)));
    }
}
