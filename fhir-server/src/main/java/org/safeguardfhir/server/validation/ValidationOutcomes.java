package org.safeguardfhir.server.validation;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * The OperationOutcome of a rejected write, in which every issue names its element in {@code expression} and
 * {@code location} (the resource itself when the validator gave no place), and every issue within a
 * QuestionnaireResponse's items names the item's linkId too. Errors come first, so the first issue names the cause.
 */
final class ValidationOutcomes {

    private static final Pattern ITEM_PATH =
            Pattern.compile("^QuestionnaireResponse((?:\\.item\\[\\d+\\]|\\.answer\\[\\d+\\])*)");
    private static final Pattern MINIMUM = Pattern.compile("^([A-Za-z]+(?:\\.[A-Za-z]+)+): minimum required");
    private static final Pattern STEP = Pattern.compile("\\.(item|answer)\\[(\\d+)\\]");

    private ValidationOutcomes() {}

    static OperationOutcome of(IBaseResource resource, List<SingleValidationMessage> messages) {
        var outcome = new OperationOutcome();
        messages.stream()
                .sorted(Comparator.comparing(SingleValidationMessage::getSeverity)
                        .reversed())
                .forEach(m -> {
                    String location = missingElement(
                            Optional.ofNullable(m.getLocationString())
                                    .filter(l -> !l.isBlank())
                                    .orElse(resource.fhirType()),
                            m.getMessage());
                    String diagnostics = m.getMessage()
                            + linkIdOf(resource, location)
                                    .map(l -> " (item '" + l + "')")
                                    .orElse("");
                    add(outcome, severity(m.getSeverity()), location, diagnostics);
                });
        return outcome;
    }

    static OperationOutcome wrongAnswers(List<AnswerTypeCheck.WrongAnswer> wrong) {
        var outcome = new OperationOutcome();
        wrong.forEach(w -> add(outcome, IssueSeverity.ERROR, w.path(), w.message()));
        return outcome;
    }

    /** One error about the resource as a whole. */
    static OperationOutcome single(IBaseResource resource, String message) {
        var outcome = new OperationOutcome();
        add(outcome, IssueSeverity.ERROR, resource.fhirType(), message);
        return outcome;
    }

    private static void add(OperationOutcome outcome, IssueSeverity severity, String location, String diagnostics) {
        var issue = outcome.addIssue()
                .setSeverity(severity)
                .setCode(severity == IssueSeverity.INFORMATION ? IssueType.INFORMATIONAL : IssueType.PROCESSING)
                .setDiagnostics(diagnostics);
        issue.addExpression(location);
        issue.addLocation(location);
    }

    private static IssueSeverity severity(ResultSeverityEnum severity) {
        return switch (severity) {
            case FATAL -> IssueSeverity.FATAL;
            case ERROR -> IssueSeverity.ERROR;
            case WARNING -> IssueSeverity.WARNING;
            case INFORMATION -> IssueSeverity.INFORMATION;
        };
    }

    /**
     * A missing element is reported at its parent, with the element's profile path in the message
     * ({@code QuestionnaireResponse.subject: minimum required = 1 ...}): the issue names the element itself.
     */
    static String missingElement(String location, String message) {
        var missing = MINIMUM.matcher(message == null ? "" : message);
        if (!missing.find()) {
            return location;
        }
        String path = missing.group(1);
        String element = path.substring(path.lastIndexOf('.') + 1);
        return location.endsWith("." + element) ? location : location + "." + element;
    }

    /** The linkId of the innermost item a QuestionnaireResponse path points into. */
    static Optional<String> linkIdOf(IBaseResource resource, String location) {
        if (!(resource instanceof QuestionnaireResponse response)) {
            return Optional.empty();
        }
        var path = ITEM_PATH.matcher(location);
        if (!path.find()) {
            return Optional.empty();
        }
        List<QuestionnaireResponseItemComponent> items = response.getItem();
        QuestionnaireResponseItemComponent item = null;
        var steps = STEP.matcher(path.group(1));
        while (steps.find()) {
            int index = Integer.parseInt(steps.group(2));
            if ("item".equals(steps.group(1))) {
                if (index >= items.size()) {
                    break;
                }
                item = items.get(index);
                items = item.getItem();
            } else if (item != null && index < item.getAnswer().size()) {
                items = item.getAnswer().get(index).getItem();
            }
        }
        return Optional.ofNullable(item).map(QuestionnaireResponseItemComponent::getLinkId);
    }
}
