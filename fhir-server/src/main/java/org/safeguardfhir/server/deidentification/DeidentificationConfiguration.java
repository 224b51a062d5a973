package org.safeguardfhir.server.deidentification;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.function.Function;
import org.safeguardfhir.deidentification.Deidentifier;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;
import org.safeguardfhir.deidentification.config.DeidentificationConfigException;
import org.safeguardfhir.server.database.DataDirectoryProperties;
import org.safeguardfhir.server.security.LocalIssuerMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class DeidentificationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeidentificationConfiguration.class);

    /** Every configuration is loaded and its keys found now: a bad rule or a missing key stops the start. */
    @Bean
    Deidentifiers deidentifiers(
            DeidentificationProperties properties,
            ResourceLoader resources,
            Environment environment,
            DataDirectoryProperties dataDirectory) {
        Function<String, String> keys = System::getenv;
        boolean localIssuer = LocalIssuerMode.active(environment);
        if (localIssuer) {
            keys = new LocalDeidentificationKeys(keys, dataDirectory.dataDir());
        }
        var engines = new HashMap<String, Deidentifier>();
        for (var entry : properties.configurations().entrySet()) {
            String name = entry.getKey();
            try (InputStream in = resources.getResource(entry.getValue()).getInputStream()) {
                var config = DeidentificationConfig.load(in);
                engines.put(name, new Deidentifier(config, keys, Clock.systemUTC(), new SecureRandom()));
            } catch (IOException e) {
                throw new DeidentificationConfigException(
                        "De-identification configuration " + name + ": cannot read " + entry.getValue(), e);
            } catch (DeidentificationConfigException e) {
                throw new DeidentificationConfigException(
                        "De-identification configuration " + name + " (" + entry.getValue() + "): " + e.getMessage(),
                        e);
            }
        }
        if (localIssuer && !engines.isEmpty()) {
            LOG.warn(
                    "De-identification keys missing from the environment were generated into {}: fine for trying"
                            + " the server, not for production, where they come from the environment.",
                    dataDirectory.dataDir().resolve("deidentification-keys"));
        }
        if (!engines.containsKey(properties.dashboardView())) {
            throw new DeidentificationConfigException("The dashboard view uses the de-identification configuration "
                    + properties.dashboardView() + ", which is not among those configured: " + engines.keySet());
        }
        LOG.info("De-identification configurations loaded: {}", engines.keySet());
        return new Deidentifiers(engines, properties.dashboardView());
    }
}
