package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.server.FhirServerApplication;
import org.safeguardfhir.server.support.FaultInjectingFhirStore;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.PipelineFaultsTestConfiguration;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two server instances on one database share the outbox: every screening is processed by exactly one of them. */
@FhirServerIntegrationTest
class CompetingConsumersIT {

    static final int SCREENINGS = 200;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FhirStore store;

    @Autowired
    Environment environment;

    @Test
    void twoInstancesProcessEachOfTwoHundredScreeningsOnce() throws Exception {
        try (var second = startSecondInstance()) {
            var clients = List.of(client, FhirClients.forPort(port(second)));
            var first = (FaultInjectingFhirStore) store;
            var other = (FaultInjectingFhirStore) second.getBean(FhirStore.class);

            List<String> ids = submitAlternately(clients);
            var screenings = new Screenings(client, jdbc);
            await().atMost(Duration.ofMinutes(3)).until(() -> ids.stream().allMatch(id -> screenings.pending(id) == 0));

            int byFirst = 0;
            int bySecond = 0;
            for (String id : ids) {
                assertThat(first.transactionsFor(id) + other.transactionsFor(id))
                        .as("writes for " + id)
                        .isEqualTo(1);
                byFirst += first.transactionsFor(id);
                bySecond += other.transactionsFor(id);
                assertThat(screenings.deadLetters(id)).isZero();
            }
            assertThat(byFirst).as("processed by the first instance").isPositive();
            assertThat(bySecond).as("processed by the second instance").isPositive();
            for (String id : ids.subList(0, 20)) {
                assertThat(screenings.search(Task.class, "focus=QuestionnaireResponse/" + id))
                        .hasSize(3);
                assertThat(screenings.search(Provenance.class, "entity=QuestionnaireResponse/" + id))
                        .hasSize(1);
            }
        }
    }

    List<String> submitAlternately(List<IGenericClient> clients) throws Exception {
        var executor = Executors.newFixedThreadPool(8);
        try {
            var perClient = clients.stream().map(c -> new Screenings(c, jdbc)).toList();
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < SCREENINGS; i++) {
                var screenings = perClient.get(i % perClient.size());
                Callable<String> submit = () -> screenings.submit(
                        screenings.example("adult-screening-positive", screenings.patient("1975-07-07")));
                submitted.add(executor.submit(submit));
            }
            List<String> ids = new ArrayList<>();
            for (var future : submitted) {
                ids.add(future.get());
            }
            return ids;
        } finally {
            executor.shutdown();
        }
    }

    ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(FhirServerApplication.class, PipelineFaultsTestConfiguration.class)
                .run(
                        "--server.port=0",
                        "--spring.profiles.active=test",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "--" + TestTokens.publicKeyProperty(),
                        "--" + TestTokens.issuerProperty());
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
