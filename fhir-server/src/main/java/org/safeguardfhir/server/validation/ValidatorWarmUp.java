package org.safeguardfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Validates one blank resource of every validated type. Run at start-up, before the server accepts requests: the
 * validator's first use loads and converts the whole FHIR specification (seconds of work), and each type's first
 * validation loads its profiles; doing it here keeps that cost off the first clinician who submits a screening.
 */
@Component
public class ValidatorWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ValidatorWarmUp.class);

    private final FhirContext fhirContext;
    private final WriteValidationInterceptor validation;

    ValidatorWarmUp(FhirContext fhirContext, WriteValidationInterceptor writeValidationInterceptor) {
        this.fhirContext = fhirContext;
        this.validation = writeValidationInterceptor;
    }

    public void warmUp() {
        long start = System.nanoTime();
        for (String type : WriteValidationConfiguration.VALIDATED_TYPES) {
            attempt(fhirContext.getResourceDefinition(type).newInstance());
        }
        // Complete example screenings also exercise the questionnaires and every answer ValueSet.
        exampleScreenings().forEach(this::attempt);
        log.info("Validators warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private List<QuestionnaireResponse> exampleScreenings() {
        var parser = fhirContext.newJsonParser();
        var found = new ArrayList<QuestionnaireResponse>();
        try {
            for (var example : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:fhir/examples/QuestionnaireResponse-*.json")) {
                try (InputStream in = example.getInputStream()) {
                    found.add(parser.parseResource(QuestionnaireResponse.class, in));
                }
            }
        } catch (IOException e) {
            log.warn("Could not read the example screenings for the validator warm-up: {}", e.getMessage());
        }
        return found;
    }

    private void attempt(org.hl7.fhir.instance.model.api.IBaseResource blank) {
        try {
            validation.validate(blank);
        } catch (UnprocessableEntityException expected) {
            // A blank resource is invalid; what matters is the caches its validation fills.
        }
    }
}
