package org.safeguardfhir.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 4);

    @Test
    void backoffDoublesFromTheInitialDelayAndStopsAtTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpOnceTheAttemptsAreUsedUp() {
        assertThat(policy.givesUpAfter(3)).isFalse();
        assertThat(policy.givesUpAfter(4)).isTrue();
    }

    @Test
    void refusesAPolicyThatCouldNeverRun() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
