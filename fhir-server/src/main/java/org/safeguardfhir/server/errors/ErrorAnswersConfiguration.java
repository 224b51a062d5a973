package org.safeguardfhir.server.errors;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the error answers into HAPI, Spring and Tomcat. */
@Configuration(proxyBeanMethods = false)
class ErrorAnswersConfiguration {

    @Bean
    SafeErrorAnswers safeErrorAnswers() {
        return new SafeErrorAnswers();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> operationOutcomeErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(OperationOutcomeErrorReportValve.class.getName());
            }
        });
    }
}
