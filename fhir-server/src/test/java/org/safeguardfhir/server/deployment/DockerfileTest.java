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
}
