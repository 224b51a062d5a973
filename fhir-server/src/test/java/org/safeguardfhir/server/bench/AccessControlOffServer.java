package org.safeguardfhir.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safeguardfhir.server.FhirServerApplication;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;

/**
 * The server with access control taken out, for the baseline of bench/access-overhead.sh and nothing else: no
 * authentication, no policy, no label enforcement, no break-glass, no audit trail. The production jar has no switch
 * that does this; the script puts this class beside the jar on a private class path.
 *
 * <p>It removes every REST interceptor of the access, audit and break-glass packages and the API's security filter
 * chain, and fails to start if it finds none of them, so a rename cannot leave a "baseline" that still enforces.
 */
public final class AccessControlOffServer {

    private static final Set<String> ENFORCING_PACKAGES = Set.of(
            "org.safeguardfhir.server.access", "org.safeguardfhir.server.audit", "org.safeguardfhir.server.breakglass");

    /** Bean name of the API's filter chain in {@code SecurityConfiguration}. */
    private static final String API_FILTER_CHAIN = "api";

    private AccessControlOffServer() {}

    public static void main(String[] args) {
        new SpringApplicationBuilder(FhirServerApplication.class, Overrides.class).run(args);
    }

    /** Not a stereotype: registered as a source above, never found by the application's component scan. */
    static class Overrides {

        @Bean
        static BeanDefinitionRegistryPostProcessor removeEnforcement() {
            return registry -> {
                List<String> removed = new ArrayList<>();
                for (String name : registry.getBeanDefinitionNames()) {
                    if (enforces(registry.getBeanDefinition(name))) {
                        registry.removeBeanDefinition(name);
                        removed.add(name);
                    }
                }
                if (!registry.containsBeanDefinition(API_FILTER_CHAIN) || removed.size() < 5) {
                    throw new IllegalStateException("access control was not found where expected; removed " + removed);
                }
                registry.removeBeanDefinition(API_FILTER_CHAIN);
                System.err.println(
                        "ACCESS CONTROL OFF (benchmark baseline): removed " + removed + " and " + API_FILTER_CHAIN);
            };
        }

        @Bean
        SecurityFilterChain open(HttpSecurity http) throws Exception {
            return http.csrf(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }

        private static boolean enforces(BeanDefinition definition) {
            String type = definition.getBeanClassName();
            if (definition instanceof AnnotatedBeanDefinition annotated
                    && annotated.getFactoryMethodMetadata() != null) {
                type = annotated.getFactoryMethodMetadata().getReturnTypeName();
            }
            if (type == null || !ENFORCING_PACKAGES.contains(ClassUtils.getPackageName(type))) {
                return false;
            }
            try {
                return RestInterceptor.class.isAssignableFrom(
                        ClassUtils.forName(type, AccessControlOffServer.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
