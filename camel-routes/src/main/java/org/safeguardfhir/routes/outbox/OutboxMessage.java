package org.safeguardfhir.routes.outbox;

import java.util.regex.Pattern;

/**
 * One stored screening response to be turned into referrals: the version that was stored and its patient. Carried as
 * durable work's text, {@code QuestionnaireResponse/{id}/_history/{version} {subject}}, which an operator can read.
 */
public record OutboxMessage(String responseId, long responseVersion, String subject) {

    private static final Pattern TEXT =
            Pattern.compile("QuestionnaireResponse/([A-Za-z0-9\\-.]{1,64})/_history/(\\d{1,18}) (\\S+)");

    public OutboxMessage {
        if (!TEXT.matcher(text(responseId, responseVersion, subject)).matches()) {
            throw new IllegalArgumentException("not a stored response and its patient");
        }
    }

    /** The work's text. */
    public String text() {
        return text(responseId, responseVersion, subject);
    }

    public static OutboxMessage parse(String text) {
        var matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a screening hand-off: " + text);
        }
        return new OutboxMessage(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3));
    }

    private static String text(String responseId, long responseVersion, String subject) {
        return "QuestionnaireResponse/" + responseId + "/_history/" + responseVersion + " " + subject;
    }
}
