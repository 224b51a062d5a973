package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardfhir.routes.referral.Jurisdiction;
import org.safeguardfhir.routes.referral.ReferralPathway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The referral directory as configured: bound from application.yaml and checked as the server starts. */
class ReferralDirectoryPropertiesTest {

    private static final String ROSA = "safeguard.referral.directory.rosa.";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReferralDirectoryProperties.class)
    static class Binding {}

    /** The shipped application.yaml, as the server reads it. */
    private static ApplicationContextRunner shipped() {
        return new ApplicationContextRunner()
                .withInitializer(context -> {
                    try {
                        new YamlPropertySourceLoader()
                                .load("application.yaml", new ClassPathResource("application.yaml"))
                                .forEach(source -> context.getEnvironment()
                                        .getPropertySources()
                                        .addLast(source));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .withUserConfiguration(Binding.class);
    }

    /** One entry alone, for the validation cases. */
    private static ApplicationContextRunner rosa(String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Binding.class)
                .withPropertyValues(ROSA + "name=ROSA", ROSA + "phone=22 33 11 60")
                .withPropertyValues(properties);
    }

    @Test
    void everyShippedEntryNamesItsSourceAndAReviewByDate() {
        shipped().run(context -> {
            var directory = context.getBean(ReferralDirectoryProperties.class).directory();
            assertThat(directory).isNotEmpty().allSatisfy((code, entry) -> {
                assertThat(entry.source()).as(code).matches("local|https://\\S+");
                assertThat(entry.reviewByDate()).as(code).hasValue(LocalDate.parse("2027-06-30"));
            });
            assertThat(directory.get("designated-safeguarding-lead").source()).isEqualTo("local");
            assertThat(directory.get("barnevernet").source()).isEqualTo("local");
            assertThat(directory.get("modern-slavery-helpline").source())
                    .isEqualTo("https://www.modernslaveryhelpline.org/");
        });
    }

    @Test
    void theShippedNumbersAreTheCheckedOnes() {
        shipped().run(context -> {
            var directory = context.getBean(ReferralDirectoryProperties.class).directory();
            assertThat(directory.get("modern-slavery-helpline").phone()).isEqualTo("08000 121 700");
            assertThat(directory.get("salvation-army-referral-helpline").phone())
                    .as("since 4 January 2021; 0300 303 8151 is superseded")
                    .isEqualTo("0800 808 3733");
            assertThat(directory.get("nspcc-ctac").phone()).isEqualTo("0808 800 5000");
            assertThat(directory.get("nspcc-ctac").email()).isEqualTo("help@nspcc.org.uk");
            assertThat(directory.get("police-emergency").phone()).isEqualTo("999");
            assertThat(directory.get("rosa").phone()).isEqualTo("22 33 11 60");
            assertThat(directory.get("police-no").phone()).isEqualTo("02800");
        });
    }

    @Test
    void theShippedDirectoryHasAnEntryForEveryPathwayEitherJurisdictionNeeds() {
        shipped().run(context -> {
            var directory = context.getBean(ReferralDirectoryProperties.class).directory();
            Stream.of(Jurisdiction.values())
                    .flatMap(j -> ReferralDirectoryInstaller.required(j).stream())
                    .forEach(pathway -> assertThat(directory).containsKey(pathway.code()));
            assertThat(ReferralDirectoryInstaller.required(Jurisdiction.ENGLAND_AND_WALES))
                    .contains(ReferralPathway.NSPCC_CTAC);
        });
    }

    @Test
    void aMissingSourceStopsTheStartNamingTheProperty() {
        rosa(ROSA + "review-by=2027-06-30").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("safeguard.referral.directory[rosa].source")
                    .contains("must not be blank");
        });
    }

    @Test
    void aSourceThatIsNeitherLocalNorAUrlStopsTheStart() {
        rosa(ROSA + "source=the ROSA leaflet", ROSA + "review-by=2027-06-30").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("safeguard.referral.directory[rosa].source")
                    .contains("must be 'local' or the http(s) URL where the entry was checked");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"30/06/2027", "2027-6-30", "2027-02-30", "2027-13-01", "next June"})
    void aMalformedReviewByDateStopsTheStartNamingTheProperty(String date) {
        rosa(ROSA + "source=https://www.rosa-help.no/", ROSA + "review-by=" + date)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("safeguard.referral.directory[rosa].reviewBy")
                            .contains("must be an ISO date (yyyy-mm-dd)");
                });
    }

    @Test
    void anEntryWithoutAReviewByDateStartsAndHasNone() {
        rosa(ROSA + "source=https://www.rosa-help.no/").run(context -> {
            assertThat(context).hasNotFailed();
            var entry = context.getBean(ReferralDirectoryProperties.class)
                    .directory()
                    .get("rosa");
            assertThat(entry.reviewByDate()).isEmpty();
        });
    }

    @Test
    void anEntryWhoseCodeHasNoDashCanBeChangedFromTheEnvironment() {
        shipped()
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "test-systemEnvironment",
                                Map.of(
                                        "SAFEGUARD_REFERRAL_DIRECTORY_ROSA_REVIEWBY", "2028-01-31",
                                        "SAFEGUARD_REFERRAL_DIRECTORY_ROSA_SOURCE", "https://rosa-help.no/kontakt"))))
                .run(context -> {
                    var entry = context.getBean(ReferralDirectoryProperties.class)
                            .directory()
                            .get("rosa");
                    assertThat(entry.reviewByDate()).hasValue(LocalDate.parse("2028-01-31"));
                    assertThat(entry.source()).isEqualTo("https://rosa-help.no/kontakt");
                    assertThat(entry.phone()).as("the rest of the entry stays").isEqualTo("22 33 11 60");
                });
    }

    @Test
    void theOrganizationCarriesTheSourceTheReviewByDateAndEveryContact() {
        var entry = new ReferralDirectoryProperties.Entry(
                "NSPCC Child Trafficking Advice Centre",
                "0808 800 5000",
                "help@nspcc.org.uk",
                "https://www.nspcc.org.uk/",
                "2027-06-30");

        Organization organization = ReferralDirectoryInstaller.organization("nspcc-ctac", entry);

        assertThat(organization.getMeta().getSource()).isEqualTo("https://www.nspcc.org.uk/");
        var reviewBy = organization.getExtensionByUrl(ReferralDirectoryInstaller.REVIEW_BY_EXTENSION);
        assertThat(reviewBy.getValue()).isInstanceOf(DateType.class);
        assertThat(reviewBy.getValue().primitiveValue()).isEqualTo("2027-06-30");
        assertThat(organization.getTelecom())
                .extracting(t -> t.getSystem(), t -> t.getValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ContactPointSystem.PHONE, "0808 800 5000"),
                        org.assertj.core.groups.Tuple.tuple(ContactPointSystem.EMAIL, "help@nspcc.org.uk"));
        assertThat(organization.getIdentifierFirstRep().getValue()).isEqualTo("nspcc-ctac");
        assertThat(organization.getName()).isEqualTo("NSPCC Child Trafficking Advice Centre");
    }

    @Test
    void anOrganizationWithoutAReviewByDateHasNoExtension() {
        var entry = new ReferralDirectoryProperties.Entry("Politiet", "02800", null, "local", null);

        Organization organization = ReferralDirectoryInstaller.organization("police-no", entry);

        assertThat(organization.getMeta().getSource()).isEqualTo("local");
        assertThat(organization.hasExtension(ReferralDirectoryInstaller.REVIEW_BY_EXTENSION))
                .isFalse();
        assertThat(organization.getTelecom()).singleElement().satisfies(t -> assertThat(t.getValue())
                .isEqualTo("02800"));
    }

    private static String messages(Throwable failure) {
        var all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
