package org.safeguardfhir.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.ListResource;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stock HAPI answered 500 (duplicate key in hfj_resource_type) when several clients wrote a resource type for the
 * first time at once. These types are written by no other test, so each write here is a first write of its type.
 */
@FhirServerIntegrationTest
class ConcurrentFirstWritesIT {

    static final List<Class<? extends IBaseResource>> NEVER_WRITTEN =
            List.of(Basic.class, Group.class, ListResource.class, DocumentReference.class);

    @LocalServerPort
    int port;

    @Test
    void twentyConcurrentFirstWritesAllReturn201() throws Exception {
        IGenericClient client = FhirClients.forPort(port);
        for (var type : NEVER_WRITTEN) {
            assertThat(client.search()
                            .forResource(type)
                            .returnBundle(Bundle.class)
                            .execute()
                            .getEntry())
                    .as("%s must not have been written before this test", type.getSimpleName())
                    .isEmpty();
        }

        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> statuses = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit((Callable<Integer>) () -> {
                        var resource = NEVER_WRITTEN
                                .get(i % NEVER_WRITTEN.size())
                                .getDeclaredConstructor()
                                .newInstance();
                        start.await();
                        return client.create().resource(resource).execute().getResponseStatusCode();
                    }))
                    .toList();
            start.countDown();

            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
