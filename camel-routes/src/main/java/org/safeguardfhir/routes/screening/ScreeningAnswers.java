package org.safeguardfhir.routes.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.safeguardfhir.profiles.ScreeningInstrument;

/**
 * Read-only view of the answers in a screening QuestionnaireResponse, looked up by linkId.
 *
 * <p>The answers are copied when the view is made, so later changes to the HAPI object cannot change a decision
 * already taken from it. Items are found at any depth, because whether a form filler nests a question in a group is
 * presentation, not meaning (items nested under answers are found too, though these questionnaires define none). Codes are compared without their system, exactly as the questionnaires' own FHIRPath
 * ({@code answer.value.code = 'yes'}) does: the server must reach the same result as the form the clinician saw.
 */
public final class ScreeningAnswers {

    static final String CHILD_QUESTIONNAIRE = ScreeningInstrument.CHILD.canonical();

    private final String questionnaire;
    private final List<Item> items;

    private ScreeningAnswers(String questionnaire, List<Item> items) {
        this.questionnaire = questionnaire;
        this.items = List.copyOf(items);
    }

    public static ScreeningAnswers of(QuestionnaireResponse response) {
        List<Item> items = new ArrayList<>();
        collect(response.getItem(), items);
        return new ScreeningAnswers(response.getQuestionnaire(), items);
    }

    /** The code of the first coded answer to the item. */
    public Optional<String> code(String linkId) {
        return withLinkId(linkId).flatMap(item -> item.codes().stream()).findFirst();
    }

    /** The codes of every coded answer to the item, in answer order. */
    public Set<String> codes(String linkId) {
        return withLinkId(linkId)
                .flatMap(item -> item.codes().stream())
                .collect(Collectors.collectingAndThen(
                        Collectors.toCollection(LinkedHashSet::new), Collections::unmodifiableSet));
    }

    /** The first coded answer to the item, as the Coding the form sent. */
    public Optional<Coding> coding(String linkId) {
        return withLinkId(linkId)
                .flatMap(item -> item.codings().stream())
                .findFirst()
                .map(Coding::copy);
    }

    /** The first text answer to the item (a string, or the text of an open-choice answer typed in). */
    public Optional<String> text(String linkId) {
        return withLinkId(linkId).flatMap(item -> item.strings().stream()).findFirst();
    }

    /** The first boolean answer to the item. */
    public Optional<Boolean> bool(String linkId) {
        return withLinkId(linkId).flatMap(item -> item.booleans().stream()).findFirst();
    }

    /**
     * The linkIds starting with {@code prefix} whose answer is {@code code}. As with FHIRPath's {@code =}, which
     * compares whole collections, an item counts only when that code is its one coded answer.
     */
    public Set<String> linkIdsAnswered(String prefix, String code) {
        return items.stream()
                .filter(item -> item.linkId().startsWith(prefix) && item.isOnly(code))
                .map(Item::linkId)
                .collect(Collectors.collectingAndThen(
                        Collectors.toCollection(LinkedHashSet::new), Collections::unmodifiableSet));
    }

    /** Whether the response answers the child questionnaire, in any language variant and of any version. */
    public boolean isChildQuestionnaire() {
        return ScreeningInstrument.of(questionnaire).orElse(null) == ScreeningInstrument.CHILD;
    }

    /** Whether some item with this linkId has {@code code} as its one coded answer. */
    boolean answered(String linkId, String code) {
        return withLinkId(linkId).anyMatch(item -> item.isOnly(code));
    }

    /** Whether some item with this linkId has {@code true} as its one answer ({@code answer.value = true}). */
    boolean answeredTrue(String linkId) {
        return withLinkId(linkId).anyMatch(Item::isOnlyTrue);
    }

    private Stream<Item> withLinkId(String linkId) {
        return items.stream().filter(item -> item.linkId().equals(linkId));
    }

    private static void collect(List<QuestionnaireResponseItemComponent> level, List<Item> into) {
        for (QuestionnaireResponseItemComponent item : level) {
            into.add(Item.of(item));
            collect(item.getItem(), into);
            for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                collect(answer.getItem(), into);
            }
        }
    }

    /** One item's answers, reduced to what the rules read. */
    private record Item(
            String linkId,
            List<Coding> codings,
            List<String> codes,
            List<String> strings,
            List<Boolean> booleans,
            int valueCount) {

        static Item of(QuestionnaireResponseItemComponent item) {
            List<Type> values = item.getAnswer().stream()
                    .filter(QuestionnaireResponseItemAnswerComponent::hasValue)
                    .map(QuestionnaireResponseItemAnswerComponent::getValue)
                    .toList();
            List<Coding> codings = values(values, Coding.class, Coding::hasCode)
                    .map(Coding::copy)
                    .toList();
            List<String> codes = codings.stream().map(Coding::getCode).toList();
            List<String> strings = values(values, StringType.class, StringType::hasValue)
                    .map(StringType::getValue)
                    .toList();
            List<Boolean> booleans = values(values, BooleanType.class, BooleanType::hasValue)
                    .map(BooleanType::getValue)
                    .toList();
            return new Item(Objects.toString(item.getLinkId(), ""), codings, codes, strings, booleans, values.size());
        }

        private static <T extends Type> Stream<T> values(List<Type> values, Class<T> type, Predicate<T> present) {
            return values.stream().filter(type::isInstance).map(type::cast).filter(present);
        }

        boolean isOnly(String code) {
            return codes.equals(List.of(code));
        }

        boolean isOnlyTrue() {
            return valueCount == 1 && booleans.equals(List.of(true));
        }
    }
}
