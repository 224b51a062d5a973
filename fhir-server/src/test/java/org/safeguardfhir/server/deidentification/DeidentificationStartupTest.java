package org.safeguardfhir.server.deidentification;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardfhir.server.database.DataDirectoryProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's de-identification configurations are checked as it starts, with their keys. */
class DeidentificationStartupTest {

    private static final String CONFIG = "version: 1\nname: test\nparameters:\n  cryptoHashKey: {env: %s}\nrules:\n"
            + "  - {path: Task.status, method: keep}\n  - {path: Task.for, method: %s}\n";

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(String method, String keyVariable) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, CONFIG.formatted(keyVariable, method));
        return new ApplicationContextRunner()
                .withUserConfiguration(Support.class, DeidentificationConfiguration.class)
                .withPropertyValues(
                        "safeguard.deidentification.configurations.trial=file:" + file,
                        "safeguard.deidentification.dashboard-view=trial",
                        "test.dir=" + dir);
    }

    @Test
    void aDashboardViewWithoutItsConfigurationStopsTheStart() throws Exception {
        runner("keep", "SAFEGUARD_TEST_UNSET_KEY")
                .withPropertyValues("safeguard.deidentification.dashboard-view=wallboard")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("dashboard view")
                            .contains("wallboard");
                });
    }

    @Test
    void aBadRuleStopsTheStartAndIsNamed() throws Exception {
        runner("scramble", "SAFEGUARD_TEST_UNSET_KEY").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("configuration trial")
                    .contains("rules[1] (Task.for): unknown method 'scramble'");
        });
    }

    @Test
    void aMissingKeyStopsTheStartWhereRealUsersSignIn() throws Exception {
        runner("cryptoHash", "SAFEGUARD_TEST_UNSET_KEY")
                .withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example.org")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("rules[1] (Task.for)")
                            .contains("SAFEGUARD_TEST_UNSET_KEY")
                            .contains("not set");
                });
    }

    @Test
    void theEmbeddedDefaultGeneratesAMissingKeyOnceAndKeepsIt() throws Exception {
        var task = new Task().setFor(new Reference("Patient/1"));
        String[] pseudonyms = new String[2];
        for (int start = 0; start < 2; start++) {
            int index = start;
            runner("cryptoHash", "SAFEGUARD_TEST_LOCAL_KEY").run(context -> {
                assertThat(context).hasNotFailed();
                var out = (Task) context.getBean(Deidentifiers.class)
                        .named("trial")
                        .orElseThrow()
                        .deidentify(task, "Patient/1");
                pseudonyms[index] = out.getFor().getReference();
            });
        }

        Path key = dir.resolve("data/deidentification-keys/SAFEGUARD_TEST_LOCAL_KEY");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(pseudonyms[0]).startsWith("Patient/").isEqualTo(pseudonyms[1]);
    }

    /** Every message along the cause chain, as Spring wraps the bean's failure. */
    private static String messages(Throwable failure) {
        var all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeidentificationProperties.class)
    static class Support {

        @Bean
        FhirContext fhirContext() {
            return FhirContext.forR4Cached();
        }

        @Bean
        DataDirectoryProperties dataDirectoryProperties(org.springframework.core.env.Environment environment) {
            return new DataDirectoryProperties(
                    Path.of(environment.getProperty("test.dir", ".")).resolve("data"));
        }
    }
}
