package org.safeguardfhir.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.SearchPreferHandlingInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The FHIR REST API: HAPI's {@link RestfulServer} over the JPA DAOs, served at {@code /fhir}. */
@Configuration(proxyBeanMethods = false)
class FhirRestServerConfiguration {

    static final String SERVER_NAME = "Safeguard FHIR";

    @Bean
    RestfulServer fhirRestServer(
            FhirContext fhirContext,
            IFhirSystemDao<Bundle, Meta> systemDao,
            ResourceProviderFactory resourceProviders,
            DatabaseBackedPagingProvider pagingProvider,
            JpaStorageSettings storageSettings,
            ISearchParamRegistry searchParamRegistry,
            IValidationSupport validationSupport,
            FhirServerProperties properties,
            ValueSetOperationProvider valueSetOperations,
            Optional<BuildProperties> build,
            List<RestInterceptor> interceptors,
            List<RestProvider> providers) {
        // Narratives would render sensitive content as free text; clients render from structured data.
        fhirContext.setNarrativeGenerator(new NullNarrativeGenerator());
        // Unknown elements, wrong JSON types and invalid primitives are refused (400 naming the element), not dropped
        // or stored as they came: a lenient parser stores what the client did not mean.
        fhirContext.setParserErrorHandler(new StrictErrorHandler());

        var server = new RestfulServer(fhirContext);
        server.setServerName(SERVER_NAME);
        server.setServerVersion(build.map(BuildProperties::getVersion).orElse("development"));
        server.registerProviders(resourceProviders.createProviders());
        server.registerProvider(new SystemInteractionsProvider(systemDao));
        // ValueSet $expand and $validate-code, answered from the server's own terminology tables.
        server.registerProvider(valueSetOperations);
        providers.forEach(server::registerProvider);
        server.setPagingProvider(pagingProvider);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setServerAddressStrategy(
                StringUtils.hasText(properties.serverAddress())
                        ? new HardcodedServerAddressStrategy(properties.serverAddress())
                        : new ServerAddress(properties.trustedProxies()));

        var capabilities = new JpaCapabilityStatementProvider(
                server, systemDao, storageSettings, searchParamRegistry, validationSupport);
        // Resource counts in an unauthenticated CapabilityStatement would tell anyone how many safeguarding
        // records exist.
        capabilities.setIncludeResourceCounts(false);
        capabilities.setImplementationDescription(SERVER_NAME + " FHIR R4 server");
        server.setServerConformanceProvider(capabilities);

        interceptors.forEach(server::registerInterceptor);
        // An unknown search parameter is refused (400) unless the client sends Prefer: handling=lenient, which FHIR
        // says drops it: a search never silently means something else than was asked.
        server.registerInterceptor(new SearchPreferHandlingInterceptor(searchParamRegistry));
        return server;
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer fhirRestServer) {
        var registration = new ServletRegistrationBean<>(fhirRestServer, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
