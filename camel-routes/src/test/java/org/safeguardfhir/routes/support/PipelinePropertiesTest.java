package org.safeguardfhir.routes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelinePropertiesTest {

    @Test
    void theSettingsAreTheHandOffsRetryPolicy() {
        var policy = new PipelineProperties(6, Duration.ofSeconds(1), Duration.ofSeconds(10)).retryPolicy();

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(500)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.givesUpAfter(5)).isFalse();
        assertThat(policy.givesUpAfter(6)).isTrue();
    }
}
