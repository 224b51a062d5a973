package org.safeguardfhir.server.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The organisations that receive each referral pathway's Tasks ({@code safeguard.referral.directory.<pathway-code>}).
 * Names and numbers change (the Salvation Army's did in 2021), so they are configuration, loaded at start-up as
 * Organization resources, not code.
 */
@Validated
@ConfigurationProperties("safeguard.referral")
record ReferralDirectoryProperties(@Valid Map<String, Entry> directory) {

    /**
     * @param name what a safeguarding lead reads on the Task's owner
     * @param phone the service's published number, if it has one
     */
    record Entry(@NotBlank String name, String phone) {}
}
