package org.safeguardfhir.server.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The organisations that receive each referral pathway's Tasks ({@code safeguard.referral.directory.<pathway-code>}).
 * Names and numbers change (the Salvation Army's did in 2021), so they are configuration, loaded at start-up as
 * Organization resources, not code; each entry says where it was checked and by when it must be checked again.
 */
@Validated
@ConfigurationProperties("safeguard.referral")
record ReferralDirectoryProperties(@Valid Map<String, Entry> directory) {

    /** What {@link Entry#source()} says of an entry that the deploying organisation fills in itself. */
    static final String LOCAL = "local";

    /**
     * @param name what a safeguarding lead reads on the Task's owner
     * @param phone the service's published number, if it has one
     * @param email the service's published address, if it has one
     * @param source where the name and number were checked: the publishing organisation's http(s) URL, or
     *     {@value #LOCAL} for an entry the deploying organisation fills in
     * @param reviewBy the ISO date (yyyy-mm-dd) by which the entry must be checked again; without one, the entry is
     *     reported as overdue
     */
    record Entry(
            @NotBlank String name,
            String phone,
            String email,
            @NotBlank
                    @Pattern(
                            regexp = LOCAL + "|https?://\\S+",
                            message = "must be 'local' or the http(s) URL where the entry was checked")
                    String source,
            @IsoDate String reviewBy) {

        /** The review-by date; empty when there is none (a malformed one never gets past start-up). */
        Optional<LocalDate> reviewByDate() {
            return reviewBy == null || reviewBy.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(reviewBy));
        }
    }
}
