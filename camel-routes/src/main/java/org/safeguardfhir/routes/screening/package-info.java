/**
 * Server-side interpretation of a submitted trafficking screen: a read-only view of the QuestionnaireResponse's
 * answers, the questionnaires' calculated outcome re-implemented in Java (so the server never relies on the value a
 * client sent), the age group that decides between adult and child-protection rules, the suspected forms of
 * exploitation, and the patient's recorded consent to each referral pathway. Everything here is a pure function of the
 * response and the patient's birth date, with no I/O, so routes can call it and tests can prove it without a server.
 */
package org.safeguardfhir.routes.screening;
