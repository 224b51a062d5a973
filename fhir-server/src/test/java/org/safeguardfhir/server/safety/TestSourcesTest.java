package org.safeguardfhir.server.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test reference resolves only to a method of a test class, in a module, that JUnit would run. */
class TestSourcesTest {

    @TempDir
    static Path root;

    static TestSources sources;

    @BeforeAll
    static void writeAModuleWithOneTestClass() throws IOException {
        Path module = Files.createDirectories(root.resolve("some-module"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Path source = Files.createDirectories(module.resolve("src/test/java/org/example"))
                .resolve("SomeTest.java");
        Files.writeString(
                source,
                """
                package org.example;

                import org.junit.jupiter.api.RepeatedTest;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.ValueSource;

                class SomeTest {

                    @Test
                    void plain() {}

                    @ParameterizedTest
                    @ValueSource(strings = {"a", "b"})
                    void parameterized(String value) {}

                    @RepeatedTest(3)
                    void repeated() {}

                    @org.junit.jupiter.api.Test
                    void qualified() {}

                    // @Test
                    void commentedOut() {}

                    /** Not a test: {@link Test} in its Javadoc does not make it one. */
                    private void helper() {}

                    @org.junit.jupiter.api.Disabled("flaky")
                    @Test
                    void disabled() {}

                    static class Inner {
                        @Test
                        void nested() {}
                    }
                }

                class Other {
                    @Test
                    void elsewhere() {}
                }
                """);
        Files.writeString(
                source.resolveSibling("RenamedTest.java"),
                """
                package org.example;

                class NewNameTest {
                    @org.junit.jupiter.api.Test
                    void plain() {}
                }
                """);
        Files.writeString(
                source.resolveSibling("SwitchedOffTest.java"),
                """
                package org.example;

                @org.junit.jupiter.api.condition.DisabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
                class SwitchedOffTest {
                    @org.junit.jupiter.api.Test
                    void plain() {}
                }
                """);
        sources = new TestSources(root);
    }

    @Test
    void methodsAnnotatedTestParameterizedTestOrRepeatedTestResolve() {
        for (String method : new String[] {"plain", "parameterized", "repeated", "qualified"}) {
            assertThat(problem("some-module:org.example.SomeTest#" + method))
                    .as(method)
                    .isEmpty();
        }
    }

    @Test
    void aModuleThatDoesNotExistIsNamed() {
        assertThat(problem("no-module:org.example.SomeTest#plain")).hasValue("there is no module no-module");
    }

    @Test
    void aClassFileThatDoesNotExistIsNamed() {
        assertThat(problem("some-module:org.example.MissingTest#plain"))
                .hasValue("there is no test class some-module/src/test/java/org/example/MissingTest.java");
    }

    @Test
    void aMethodThatDoesNotExistIsNamed() {
        assertThat(problem("some-module:org.example.SomeTest#missing")).hasValue("SomeTest has no method missing");
    }

    @Test
    void aMethodThatIsNotATestIsRefusedWhateverItsCommentsSay() {
        assertThat(problem("some-module:org.example.SomeTest#helper"))
                .hasValue("helper is not annotated @Test, @ParameterizedTest or @RepeatedTest");
        assertThat(problem("some-module:org.example.SomeTest#commentedOut"))
                .hasValue("commentedOut is not annotated @Test, @ParameterizedTest or @RepeatedTest");
    }

    @Test
    void aDisabledTestOrATestOfADisabledClassIsRefused() {
        assertThat(problem("some-module:org.example.SomeTest#disabled")).hasValue("disabled is disabled");
        assertThat(problem("some-module:org.example.SwitchedOffTest#plain")).hasValue("plain is disabled");
    }

    @Test
    void aFileThatNoLongerDeclaresItsClassIsRefused() {
        assertThat(problem("some-module:org.example.RenamedTest#plain"))
                .hasValue("some-module/src/test/java/org/example/RenamedTest.java declares no class RenamedTest");
    }

    @Test
    void onlyTheNamedClassIsSearchedNotItsNestedClassesOrItsNeighbours() {
        assertThat(problem("some-module:org.example.SomeTest#nested")).hasValue("SomeTest has no method nested");
        assertThat(problem("some-module:org.example.SomeTest#elsewhere")).hasValue("SomeTest has no method elsewhere");
    }

    @Test
    void aTestOfThisRepositoryResolves() {
        var repository = new TestSources(RepositoryRoot.find());

        assertThat(repository.problem(TestReference.parse(
                                "fhir-server:org.safeguardfhir.server.safety.TestSourcesTest#aTestOfThisRepositoryResolves")
                        .orElseThrow()))
                .isEmpty();
    }

    private static Optional<String> problem(String reference) {
        return sources.problem(TestReference.parse(reference).orElseThrow());
    }
}
