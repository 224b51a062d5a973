package org.safeguardfhir.routes.screening;

import java.util.Optional;

/**
 * The professional interpreting a screen recorded, for the referral to book the same again.
 *
 * @param languageCode the BCP 47 tag chosen from the form's list, when one was
 * @param languageText the language as typed or as displayed
 * @param mode a code of CodeSystem interpreter-mode (in person, telephone, video), when recorded
 */
public record InterpreterNeed(Optional<String> languageCode, Optional<String> languageText, Optional<String> mode) {}
