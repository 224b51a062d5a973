package org.safeguardfhir.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportWorkerTest {

    @Test
    void backoffDoublesFromFiveSecondsToFiveMinutes() {
        assertThat(ExportWorker.backoff(1)).hasSeconds(5);
        assertThat(ExportWorker.backoff(2)).hasSeconds(10);
        assertThat(ExportWorker.backoff(3)).hasSeconds(20);
        assertThat(ExportWorker.backoff(20)).hasSeconds(300);
    }
}
