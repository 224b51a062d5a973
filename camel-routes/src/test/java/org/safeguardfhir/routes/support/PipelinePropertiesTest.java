package org.safeguardfhir.routes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelinePropertiesTest {

    final PipelineProperties properties =
            new PipelineProperties(2, Duration.ofSeconds(5), 6, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void backoffDoublesAfterEachFailure() {
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void backoffIsCappedAndNeverOverflows() {
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(500)).isEqualTo(Duration.ofSeconds(10));
    }
}
