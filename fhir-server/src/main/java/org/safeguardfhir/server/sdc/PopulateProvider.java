package org.safeguardfhir.server.sdc;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UriType;
import org.safeguardfhir.profiles.sdc.QuestionnairePopulator;
import org.safeguardfhir.server.errors.NamedProblem;
import org.safeguardfhir.server.fhir.RestProvider;

/**
 * SDC {@code Questionnaire/$populate} for clients that cannot evaluate FHIRPath: the QuestionnaireResponse a renderer
 * would pre-fill from the patient's record, by the Questionnaire's own {@code initialExpression}s. Nothing is stored.
 * The patient is read as the caller, so access control applies to it as to any read.
 */
public class PopulateProvider implements RestProvider {

    public static final String NAME = "$populate";
    static final String CANONICAL = "http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-populate";

    private final DaoRegistry daos;
    private final QuestionnairePopulator populator;

    PopulateProvider(DaoRegistry daos, QuestionnairePopulator populator) {
        this.daos = daos;
        this.populator = populator;
    }

    @Operation(name = NAME, type = Questionnaire.class, idempotent = true, canonicalUrl = CANONICAL)
    @Description(shortDefinition = "A QuestionnaireResponse pre-filled from the subject's record")
    public Parameters populate(
            @IdParam(optional = true) IdType id,
            @OperationParam(name = "canonical", max = 1) UriType canonical,
            @OperationParam(name = "subject", min = 1, max = 1) List<Reference> subjects,
            RequestDetails request) {
        // HAPI hands the first of several values to a single parameter; a second subject is refused, not dropped.
        if (subjects != null && subjects.size() > 1) {
            throw NamedProblem.http(400, "subject", "subject may be given once: one Patient is screened at a time.")
                    .exception();
        }
        Reference subject = subjects == null || subjects.isEmpty() ? null : subjects.get(0);
        Questionnaire questionnaire = questionnaire(id, canonical, request);
        var patientId = new IdType(subject == null ? null : subject.getReference());
        if (!"Patient".equals(patientId.getResourceType()) || !patientId.hasIdPart()) {
            throw new InvalidRequestException("subject must reference the Patient being screened, as Patient/<id>.");
        }
        Patient patient = (Patient) daos.getResourceDao("Patient").read(patientId.toUnqualifiedVersionless(), request);
        var response = populator.populate(
                questionnaire,
                patient,
                new Reference(patientId.toUnqualifiedVersionless().getValue()));
        var result = new Parameters();
        result.addParameter().setName("response").setResource(response);
        return result;
    }

    private Questionnaire questionnaire(IdType id, UriType canonical, RequestDetails request) {
        var dao = daos.getResourceDao("Questionnaire");
        if (id != null && id.hasIdPart()) {
            return (Questionnaire) dao.read(id.toUnqualifiedVersionless(), request);
        }
        if (canonical == null || !canonical.hasValue()) {
            throw new InvalidRequestException("Name the Questionnaire: Questionnaire/<id>/$populate, or canonical.");
        }
        String[] urlAndVersion = canonical.getValue().split("\\|", 2);
        var map = SearchParameterMap.newSynchronous("url", new UriParam(urlAndVersion[0]));
        if (urlAndVersion.length == 2) {
            map.add("version", new ca.uhn.fhir.rest.param.TokenParam(urlAndVersion[1]));
        }
        var found = dao.search(map, request).getAllResources();
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("No Questionnaire has the canonical " + canonical.getValue());
        }
        return (Questionnaire) found.get(0);
    }
}
