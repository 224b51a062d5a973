package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.CLOCK;
import static org.safeguardfhir.deidentification.Engines.json;
import static org.safeguardfhir.deidentification.Engines.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void oneEngineGivesTheSameResultsOnManyThreadsAsOnOne() throws Exception {
        Map<String, String> environment =
                Map.of("SAFEGUARD_DEID_RESEARCH_HASH_KEY", key("hash"), "SAFEGUARD_DEID_DATE_SHIFT_KEY", key("date"));
        Deidentifier engine = new Deidentifier(Fixtures.shipped("research"), environment::get, CLOCK);
        List<Resource> inputs = Fixtures.FILES.stream().map(Fixtures::resource).toList();
        List<String> expected = inputs.stream()
                .map(r -> json(engine.deidentify(r, Fixtures.PATIENT_REFERENCE)))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                runs.add(pool.submit(() -> inputs.stream()
                        .map(r -> json(engine.deidentify(r, Fixtures.PATIENT_REFERENCE)))
                        .toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
