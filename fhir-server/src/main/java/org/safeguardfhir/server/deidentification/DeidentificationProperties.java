package org.safeguardfhir.server.deidentification;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param configurations each configuration's name and location (a Spring resource: classpath:, file:)
 */
@ConfigurationProperties("safeguard.deidentification")
public record DeidentificationProperties(Map<String, String> configurations) {

    public DeidentificationProperties {
        configurations = configurations == null ? Map.of() : Map.copyOf(configurations);
    }
}
