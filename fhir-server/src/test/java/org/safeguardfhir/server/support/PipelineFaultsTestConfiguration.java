package org.safeguardfhir.server.support;

import org.safeguardfhir.routes.fhir.FhirStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Puts {@link FaultInjectingFhirStore} around the server's FHIR store in every integration-test context. */
@TestConfiguration(proxyBeanMethods = false)
public class PipelineFaultsTestConfiguration {

    @Bean
    static BeanPostProcessor faultInjectingFhirStore() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof FhirStore store && !(bean instanceof FaultInjectingFhirStore)
                        ? new FaultInjectingFhirStore(store)
                        : bean;
            }
        };
    }
}
