package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** Entries past their review-by date, or without one, are due to be checked again. */
class ReferralDirectoryReviewTest {

    private static final Clock TODAY_2027_06_30 = Clock.fixed(Instant.parse("2027-06-30T12:00:00Z"), ZoneOffset.UTC);

    private static ReferralDirectoryProperties.Entry entry(String name, String reviewBy) {
        return new ReferralDirectoryProperties.Entry(name, null, null, "local", reviewBy);
    }

    private static ReferralDirectoryProperties directory(Map<String, ReferralDirectoryProperties.Entry> entries) {
        return new ReferralDirectoryProperties(entries);
    }

    @ParameterizedTest(name = "review by {0}, today 2027-06-30: overdue {1}")
    @CsvSource(
            nullValues = "missing",
            value = {"2027-06-29, true", "2027-06-30, false", "2027-07-01, false", "2020-01-01, true", "missing, true"})
    void anEntryIsOverdueTheDayAfterItsReviewByDateOrWithoutOne(String reviewBy, boolean overdue) {
        var review = new ReferralDirectoryReview(directory(Map.of("rosa", entry("ROSA", reviewBy))), TODAY_2027_06_30);

        assertThat(review.overdue()).hasSize(overdue ? 1 : 0);
    }

    @Test
    void theOverdueEntriesAreNamedByPathwayCodeAndName() {
        var entries = new LinkedHashMap<String, ReferralDirectoryProperties.Entry>();
        entries.put("rosa", entry("ROSA", "2027-07-01"));
        entries.put("police-no", entry("Politiet", "2027-06-29"));
        entries.put("barnevernet", entry("Barnevernstjenesten (local)", null));
        entries.put("designated-safeguarding-lead", entry("Designated safeguarding lead (local)", "2027-06-30"));

        var review = new ReferralDirectoryReview(directory(entries), TODAY_2027_06_30);

        assertThat(review.overdue())
                .containsExactly(
                        new ReferralDirectoryReview.Overdue("barnevernet", "Barnevernstjenesten (local)", null),
                        new ReferralDirectoryReview.Overdue("police-no", "Politiet", LocalDate.parse("2027-06-29")));
    }

    @Test
    void eachOverdueEntryIsLoggedAsAWarningNamingIt() {
        var entries = new LinkedHashMap<String, ReferralDirectoryProperties.Entry>();
        entries.put("police-no", entry("Politiet", "2027-06-29"));
        entries.put("barnevernet", entry("Barnevernstjenesten (local)", null));
        entries.put("rosa", entry("ROSA", "2027-06-30"));
        var review = new ReferralDirectoryReview(directory(entries), TODAY_2027_06_30);
        var logger = (Logger) LoggerFactory.getLogger(ReferralDirectoryReview.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            review.warnOverdue();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list)
                .allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .satisfiesExactly(
                        barnevernet -> assertThat(barnevernet)
                                .contains("safeguard.referral.directory.barnevernet")
                                .contains("Barnevernstjenesten (local)")
                                .contains("no review-by date"),
                        police -> assertThat(police)
                                .contains("safeguard.referral.directory.police-no")
                                .contains("Politiet")
                                .contains("2027-06-29"));
    }

    @Test
    void theGaugeCountsTheOverdueEntriesAsTimeMovesOn() {
        var now = new MovableClock(Instant.parse("2027-06-01T00:00:00Z"));
        var entries = Map.of(
                "rosa", entry("ROSA", "2027-06-30"),
                "police-no", entry("Politiet", "2028-06-30"),
                "barnevernet", entry("Barnevernstjenesten (local)", null));
        var registry = new SimpleMeterRegistry();
        new ReferralDirectoryReview(directory(entries), now).register(registry);
        var gauge = registry.get("safeguard.referral.directory.overdue.entries").gauge();

        assertThat(gauge.value()).isEqualTo(1.0);
        now.set(Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(gauge.value()).isEqualTo(2.0);
        now.set(Instant.parse("2028-07-01T00:00:00Z"));
        assertThat(gauge.value()).isEqualTo(3.0);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
