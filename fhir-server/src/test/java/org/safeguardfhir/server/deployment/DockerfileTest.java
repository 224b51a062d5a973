package org.safeguardfhir.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** There is no Docker engine to build the image in CI: the image's build must at least see every module. */
class DockerfileTest {

    @Test
    void theImageBuildCopiesEveryModuleOfTheReactor() throws IOException {
        String pom = Files.readString(ComposeFileTest.ROOT.resolve("pom.xml"));
        String dockerfile = Files.readString(ComposeFileTest.ROOT.resolve("fhir-server/Dockerfile"));
        List<String> modules = new ArrayList<>();
        var module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (module.find()) {
            modules.add(module.group(1));
        }

        assertThat(modules).isNotEmpty();
        for (String name : modules) {
            assertThat(dockerfile).as("the Dockerfile copies %s", name).contains("COPY " + name + "/ " + name + "/");
        }
    }

    @Test
    void everyShippedLaunchBoundsTheHeap() throws IOException {
        assertThat(Files.readString(ComposeFileTest.ROOT.resolve("fhir-server/Dockerfile")))
                .as("the image")
                .containsPattern("ENV JAVA_TOOL_OPTIONS=\"-Xmx\\d+[mg]\"");
        assertThat(Files.readString(ComposeFileTest.ROOT.resolve("compose.yaml")))
                .as("compose runs the image, with a memory limit around its heap")
                .contains("dockerfile: fhir-server/Dockerfile", "mem_limit:");
        assertThat(Files.readString(ComposeFileTest.ROOT.resolve("README.md")))
                .as("the quick start")
                .containsPattern("java -Xmx\\d+[mg] -jar fhir-server/target/fhir-server.jar");
    }
}
