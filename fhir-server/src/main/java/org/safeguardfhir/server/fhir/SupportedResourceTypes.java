package org.safeguardfhir.server.fhir;

import java.util.Set;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.ResourceType;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Keeps HAPI's per-type DAO and resource-provider beans only for the configured resource types. HAPI defines one of
 * each for all 146 R4 types and creates every DAO eagerly; dropping the ones we never serve shortens start-up and
 * removes endpoints nobody asked for.
 */
class SupportedResourceTypes implements BeanDefinitionRegistryPostProcessor {

    /** Types HAPI itself reads and writes internally, whatever the operator configures. */
    static final Set<String> REQUIRED_BY_HAPI = Set.of(
            "SearchParameter",
            "Subscription",
            "StructureDefinition",
            "CodeSystem",
            "ValueSet",
            "ConceptMap",
            "NamingSystem",
            "ImplementationGuide",
            "Binary");

    private final Set<String> keep;

    SupportedResourceTypes(Set<String> configured) {
        this.keep = new java.util.HashSet<>(configured);
        this.keep.addAll(REQUIRED_BY_HAPI);
    }

    Set<String> all() {
        return Set.copyOf(keep);
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        for (String name : registry.getBeanDefinitionNames()) {
            String type = resourceTypeOf(name);
            if (type != null && !keep.contains(type)) {
                registry.removeBeanDefinition(name);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}

    /** HAPI names the generated beans {@code my<Type>DaoR4} and {@code my<Type>RpR4}. */
    static String resourceTypeOf(String beanName) {
        if (!beanName.startsWith("my")) {
            return null;
        }
        for (String suffix : new String[] {"DaoR4", "RpR4"}) {
            if (beanName.endsWith(suffix) && beanName.length() > 2 + suffix.length()) {
                String type = beanName.substring(2, beanName.length() - suffix.length());
                return isR4ResourceType(type) ? type : null;
            }
        }
        return null;
    }

    private static boolean isR4ResourceType(String name) {
        try {
            ResourceType.fromCode(name);
            return true;
        } catch (FHIRException notAResourceType) {
            return false;
        }
    }
}
