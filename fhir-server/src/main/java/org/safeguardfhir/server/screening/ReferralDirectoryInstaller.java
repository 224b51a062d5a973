package org.safeguardfhir.server.screening;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Organization;
import org.safeguardfhir.routes.referral.Jurisdiction;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.safeguardfhir.routes.referral.ReferralPathway;
import org.safeguardfhir.routes.referral.ReferralPlanner;
import org.safeguardfhir.terminology.Canonicals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the referral directory as Organization resources identified by pathway, so referral Tasks can name their
 * owner with a conditional reference. Every pathway the configured jurisdiction can plan must have an entry: a
 * missing one would only surface as failed referrals, so it fails start-up instead.
 *
 * <p>Whoever reads a Task's owner also reads where its details were checked ({@code Organization.meta.source}: the
 * publishing organisation's URL, or {@code local}) and by when they must be checked again (extension
 * {@value #REVIEW_BY_EXTENSION}, a date); entries due for review are logged once stored.
 */
public class ReferralDirectoryInstaller {

    /** The date by which a directory entry must be checked again (valueDate). */
    public static final String REVIEW_BY_EXTENSION = Canonicals.BASE + "/StructureDefinition/directory-review-by";

    private static final long LOCK_KEY = 0x5afe_6a4d_0003L;

    private final ReferralDirectoryProperties properties;
    private final Jurisdiction jurisdiction;
    private final DaoRegistry daos;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final ReferralDirectoryReview review;

    ReferralDirectoryInstaller(
            ReferralDirectoryProperties properties,
            Jurisdiction jurisdiction,
            DaoRegistry daos,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            ReferralDirectoryReview review) {
        this.properties = properties;
        this.jurisdiction = jurisdiction;
        this.daos = daos;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.review = review;
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
        review.warnOverdue();
    }

    private void store(String pathwayCode, ReferralDirectoryProperties.Entry entry) {
        ReferralPathway.fromCode(pathwayCode)
                .orElseThrow(() -> new IllegalStateException(
                        "safeguard.referral.directory." + pathwayCode + " is not a referral pathway code"));
        daos.getResourceDao(Organization.class)
                .update(
                        organization(pathwayCode, entry),
                        "Organization?identifier=" + ReferralIdentifiers.DIRECTORY_SYSTEM + "|" + pathwayCode,
                        new SystemRequestDetails());
    }

    static Organization organization(String pathwayCode, ReferralDirectoryProperties.Entry entry) {
        var organization = new Organization();
        organization.getMeta().setSource(entry.source());
        entry.reviewByDate()
                .ifPresent(date -> organization.addExtension(REVIEW_BY_EXTENSION, new DateType(date.toString())));
        organization
                .addIdentifier()
                .setSystem(ReferralIdentifiers.DIRECTORY_SYSTEM)
                .setValue(pathwayCode);
        organization.setActive(true);
        organization.setName(entry.name());
        if (entry.phone() != null && !entry.phone().isBlank()) {
            organization.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(entry.phone());
        }
        if (entry.email() != null && !entry.email().isBlank()) {
            organization.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(entry.email());
        }
        return organization;
    }

    /**
     * Directory entries the planner's pathways need (each pathway's receiver) and, in England and Wales, the NSPCC's
     * Child Trafficking Advice Centre, which a lead must be able to reach about a child (it advises, and is a First
     * Responder for children).
     */
    static Set<ReferralPathway> required(Jurisdiction jurisdiction) {
        Set<ReferralPathway> receivers = EnumSet.noneOf(ReferralPathway.class);
        ReferralPlanner.plannable(jurisdiction).forEach(pathway -> receivers.add(pathway.receiver()));
        if (jurisdiction == Jurisdiction.ENGLAND_AND_WALES) {
            receivers.add(ReferralPathway.NSPCC_CTAC);
        }
        return receivers;
    }
}
