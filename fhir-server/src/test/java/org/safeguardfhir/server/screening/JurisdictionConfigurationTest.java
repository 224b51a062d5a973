package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardfhir.routes.referral.Jurisdiction;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JurisdictionConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(JurisdictionConfiguration.class);

    @ParameterizedTest
    @ValueSource(strings = {"SCOTLAND", "NORTHERN_IRELAND", "UK", "NO"})
    void aJurisdictionWhoseRulesAreNotModelledStopsStartUpSayingWhy(String value) {
        context.withPropertyValues("safeguard.jurisdiction=" + value).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .getRootCause()
                    .hasMessageContaining("SAFEGUARD_JURISDICTION=" + value + " is not supported")
                    .hasMessageContaining("ENGLAND_AND_WALES, NORWAY");
        });
    }

    @Test
    void englandAndWalesAndNorwayStart() {
        context.withPropertyValues("safeguard.jurisdiction=england-and-wales")
                .run(started ->
                        assertThat(started.getBean(Jurisdiction.class)).isEqualTo(Jurisdiction.ENGLAND_AND_WALES));
        context.withPropertyValues("safeguard.jurisdiction=NORWAY")
                .run(started -> assertThat(started.getBean(Jurisdiction.class)).isEqualTo(Jurisdiction.NORWAY));
    }
}
