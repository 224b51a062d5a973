package org.safeguardfhir.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditOutboxRelayTest {

    @Test
    void backoffDoublesFromOneSecondAndStopsAtFiveMinutes() {
        assertThat(AuditOutboxRelay.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(AuditOutboxRelay.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(AuditOutboxRelay.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(AuditOutboxRelay.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
