package org.safeguardfhir.server.screening;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Organization;
import org.safeguardfhir.routes.referral.Jurisdiction;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.safeguardfhir.routes.referral.ReferralPathway;
import org.safeguardfhir.routes.referral.ReferralPlanner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the referral directory as Organization resources identified by pathway, so referral Tasks can name their
 * owner with a conditional reference. Every pathway the configured jurisdiction can plan must have an entry: a
 * missing one would only surface as failed referrals, so it fails start-up instead.
 */
public class ReferralDirectoryInstaller {

    private static final long LOCK_KEY = 0x5afe_6a4d_0003L;

    private final ReferralDirectoryProperties properties;
    private final Jurisdiction jurisdiction;
    private final DaoRegistry daos;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    ReferralDirectoryInstaller(
            ReferralDirectoryProperties properties,
            Jurisdiction jurisdiction,
            DaoRegistry daos,
            TransactionTemplate transactions,
            JdbcTemplate jdbc) {
        this.properties = properties;
        this.jurisdiction = jurisdiction;
        this.daos = daos;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public void install() {
        var missing = required(jurisdiction).stream()
                .filter(pathway -> !properties.directory().containsKey(pathway.code()))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("safeguard.referral.directory has no entry for " + missing);
        }
        transactions.executeWithoutResult(status -> {
            // Servers starting together on one database take turns, so no Organization is stored twice.
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> {}, LOCK_KEY);
            properties.directory().forEach(this::store);
        });
    }

    private void store(String pathwayCode, ReferralDirectoryProperties.Entry entry) {
        ReferralPathway.fromCode(pathwayCode)
                .orElseThrow(() -> new IllegalStateException(
                        "safeguard.referral.directory." + pathwayCode + " is not a referral pathway code"));
        var organization = new Organization();
        organization
                .addIdentifier()
                .setSystem(ReferralIdentifiers.DIRECTORY_SYSTEM)
                .setValue(pathwayCode);
        organization.setActive(true);
        organization.setName(entry.name());
        if (entry.phone() != null && !entry.phone().isBlank()) {
            organization.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(entry.phone());
        }
        daos.getResourceDao(Organization.class)
                .update(
                        organization,
                        "Organization?identifier=" + ReferralIdentifiers.DIRECTORY_SYSTEM + "|" + pathwayCode,
                        new SystemRequestDetails());
    }

    /** Directory entries the planner's pathways need: each pathway's receiver. */
    static Set<ReferralPathway> required(Jurisdiction jurisdiction) {
        Set<ReferralPathway> receivers = EnumSet.noneOf(ReferralPathway.class);
        ReferralPlanner.plannable(jurisdiction).forEach(pathway -> receivers.add(pathway.receiver()));
        return receivers;
    }
}
