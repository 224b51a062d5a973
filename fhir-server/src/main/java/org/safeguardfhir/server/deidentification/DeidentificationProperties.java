package org.safeguardfhir.server.deidentification;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param configurations each configuration's name and location (a Spring resource: classpath:, file:)
 * @param dashboardView the configuration that makes the dashboard role's view of Tasks and Organizations
 */
@ConfigurationProperties("safeguard.deidentification")
public record DeidentificationProperties(Map<String, String> configurations, String dashboardView) {

    public DeidentificationProperties {
        configurations = configurations == null ? Map.of() : Map.copyOf(configurations);
        dashboardView = dashboardView == null || dashboardView.isBlank() ? "dashboard" : dashboardView;
    }
}
