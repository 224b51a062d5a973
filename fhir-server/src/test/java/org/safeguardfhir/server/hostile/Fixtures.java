package org.safeguardfhir.server.hostile;

/**
 * What the cases refer to, made once before the suite: the port, the tokens and the ids of resources the cases aim at.
 * A case names them as placeholders ({@code {patient}}, {@code {port}}, ...), filled in when it is sent.
 *
 * @param port the server's HTTP port
 * @param superuser a token with every staff role
 * @param researcher a token with the researcher role, the only one that may start an export
 * @param patient a plain Patient's id part (version 1; the cases must not change it)
 * @param practitioner a Practitioner's id part
 * @param duplicateIdentifier {@code system|value} of an identifier two Patients share
 * @param screening a processed screening response's id part
 * @param screeningPatient the screened Patient's id part
 * @param plainResponse a QuestionnaireResponse to no screening questionnaire
 * @param questionnaire the adult screening Questionnaire's id part
 * @param observation a plain Observation's id part
 */
record Fixtures(
        int port,
        String superuser,
        String researcher,
        String patient,
        String practitioner,
        String duplicateIdentifier,
        String screening,
        String screeningPatient,
        String plainResponse,
        String questionnaire,
        String observation) {

    static final String SCREENING_QUESTIONNAIRE =
            "https://safeguardfhir.org/fhir/Questionnaire/trafficking-screening-adult";

    String resolve(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        return text.replace("{port}", String.valueOf(port))
                .replace("{token}", superuser)
                .replace("{researcher}", researcher)
                .replace("{patient}", patient)
                .replace("{practitioner}", practitioner)
                .replace("{duplicateIdentifier}", duplicateIdentifier)
                .replace("{screeningPatient}", screeningPatient)
                .replace("{screening}", screening)
                .replace("{plainResponse}", plainResponse)
                .replace("{questionnaire}", questionnaire)
                .replace("{observation}", observation);
    }
}
