package org.safeguardfhir.server.concern;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.safeguardfhir.routes.referral.SuspicionRecord;
import org.safeguardfhir.routes.screening.ExploitationType;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningAssessor;
import org.safeguardfhir.server.fhir.RestProvider;
import org.safeguardfhir.server.validation.SubmitterReference;
import org.safeguardfhir.terminology.Canonicals;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST QuestionnaireResponse/[id]/$confirm-concern}: the safeguarding lead, having reviewed a screen, records
 * the suspicion as provisional suspected-trafficking Conditions, recorded and asserted by the lead. Only the lead may
 * call it ({@code OperationAccessInterceptor}). All the Conditions are stored in one transaction or none is.
 */
public class ConcernConfirmationProvider implements RestProvider {

    public static final String NAME = "$confirm-concern";
    static final String CANONICAL = Canonicals.BASE + "/OperationDefinition/confirm-concern";

    private final DaoRegistry daos;
    private final SuspicionRecord suspicions;
    private final TransactionTemplate transactions;
    private final ScreeningAssessor assessor = new ScreeningAssessor();

    ConcernConfirmationProvider(DaoRegistry daos, SuspicionRecord suspicions, TransactionTemplate transactions) {
        this.daos = daos;
        this.suspicions = suspicions;
        this.transactions = transactions;
    }

    @Operation(name = NAME, type = QuestionnaireResponse.class, canonicalUrl = CANONICAL)
    @Description(shortDefinition = "Record the suspicion the safeguarding lead confirmed for a screening")
    public Bundle confirm(
            @IdParam IdType id,
            @OperationParam(name = "exploitationType", max = OperationParam.MAX_UNLIMITED) List<CodeType> types,
            @OperationParam(name = "note", max = 1) StringType note) {
        var system = new SystemRequestDetails();
        var response = (QuestionnaireResponse)
                daos.getResourceDao(QuestionnaireResponse.class).read(id.toUnqualifiedVersionless(), system);
        if (!ConformancePackage.isScreeningQuestionnaire(response.getQuestionnaire())) {
            throw new InvalidRequestException(
                    "QuestionnaireResponse.questionnaire: a concern is confirmed for a screening response only",
                    outcome("QuestionnaireResponse.questionnaire", "Not a response to a screening questionnaire"));
        }
        if (response.getStatus() == QuestionnaireResponseStatus.ENTEREDINERROR) {
            throw new UnprocessableEntityException(
                    "QuestionnaireResponse.status: the screening was withdrawn (entered-in-error)",
                    outcome("QuestionnaireResponse.status", "The screening was withdrawn (entered-in-error)"));
        }
        Reference lead = SubmitterReference.current()
                .orElseThrow(() -> new InvalidRequestException("The caller's token names no user to record"));
        ScreeningAssessment assessment = assessor.assess(response, birthDate(response, system));
        Set<ExploitationType> suspected = types == null || types.isEmpty() ? assessment.exploitation() : parse(types);
        String reason = note == null ? null : note.getValue();
        List<Condition> stored = transactions.execute(status -> {
            List<Condition> written = new ArrayList<>();
            for (ExploitationType type : suspected) {
                Condition condition = suspicions.condition(response, type, assessment.ageGroup(), lead, reason);
                String match = "Condition?identifier=" + ReferralIdentifiers.CONDITION_SYSTEM + "|"
                        + condition.getIdentifierFirstRep().getValue();
                written.add((Condition) daos.getResourceDao(Condition.class)
                        .update(condition, match, system)
                        .getResource());
            }
            return written;
        });
        var result = new Bundle().setType(Bundle.BundleType.COLLECTION);
        stored.forEach(condition -> result.addEntry().setResource(condition));
        return result;
    }

    private Optional<LocalDate> birthDate(QuestionnaireResponse response, SystemRequestDetails system) {
        var subject = response.getSubject().getReferenceElement();
        if (!"Patient".equals(subject.getResourceType())) {
            return Optional.empty();
        }
        var patient = (Patient) daos.getResourceDao(Patient.class).read(subject.toUnqualifiedVersionless(), system);
        return Optional.ofNullable(patient.getBirthDate())
                .map(born -> born.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static Set<ExploitationType> parse(List<CodeType> codes) {
        Set<ExploitationType> types = new LinkedHashSet<>();
        for (CodeType code : codes) {
            types.add(ExploitationType.fromCode(code.getValue())
                    .orElseThrow(() -> new InvalidRequestException(
                            "exploitationType: " + code.getValue() + " is not a code of "
                                    + Canonicals.codeSystem(Canonicals.EXPLOITATION_TYPE),
                            outcome(
                                    "Parameters.parameter.where(name = 'exploitationType')",
                                    code.getValue() + " is not an exploitation-type code"))));
        }
        return types;
    }

    private static OperationOutcome outcome(String expression, String diagnostics) {
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(IssueType.INVALID)
                .setDiagnostics(diagnostics)
                .addExpression(expression);
        return outcome;
    }
}
