package org.safeguardfhir.server.screening;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which referral-directory entries are due to be checked again: those whose review-by date has passed (the date itself
 * is still in time) and those without one. A number that has changed sends a lead's call about a possible victim of
 * trafficking nowhere, so each is logged at start-up and their count is a gauge an operator can alert on, computed
 * afresh at each scrape so an entry that falls due while the server runs shows up without a restart.
 */
public class ReferralDirectoryReview {

    static final String GAUGE = "safeguard.referral.directory.overdue.entries";

    private static final Logger log = LoggerFactory.getLogger(ReferralDirectoryReview.class);

    private final Map<String, ReferralDirectoryProperties.Entry> directory;
    private final Clock clock;

    ReferralDirectoryReview(ReferralDirectoryProperties properties, Clock clock) {
        this.directory = new TreeMap<>(properties.directory());
        this.clock = clock;
    }

    /** One entry due for review; {@code reviewBy} is null when the entry has no review-by date. */
    record Overdue(String pathwayCode, String name, LocalDate reviewBy) {}

    /** The entries due for review today, by pathway code. */
    List<Overdue> overdue() {
        LocalDate today = LocalDate.now(clock);
        return directory.entrySet().stream()
                .filter(e -> e.getValue()
                        .reviewByDate()
                        .map(date -> date.isBefore(today))
                        .orElse(true))
                .map(e -> new Overdue(
                        e.getKey(),
                        e.getValue().name(),
                        e.getValue().reviewByDate().orElse(null)))
                .toList();
    }

    /** Logs a warning for each entry due for review. */
    void warnOverdue() {
        for (var entry : overdue()) {
            if (entry.reviewBy() == null) {
                log.warn(
                        "safeguard.referral.directory.{} ({}) has no review-by date: check its name and number with"
                                + " the service and set one",
                        entry.pathwayCode(),
                        entry.name());
            } else {
                log.warn(
                        "safeguard.referral.directory.{} ({}) was due to be checked again by {}: check its name and"
                                + " number with the service and set a new review-by date",
                        entry.pathwayCode(),
                        entry.name(),
                        entry.reviewBy());
            }
        }
    }

    /** Registers {@value #GAUGE} ({@code safeguard_referral_directory_overdue_entries} in Prometheus). */
    void register(MeterRegistry registry) {
        Gauge.builder(GAUGE, this, review -> review.overdue().size())
                .description("Referral-directory entries past their review-by date or without one")
                .strongReference(true)
                .register(registry);
    }
}
