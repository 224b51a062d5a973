package org.safeguardfhir.server.safety;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Resolves test references against the test sources of the repository's modules. The sources are parsed with javac
 * rather than loaded as classes: the tests of the other modules are not on this module's classpath, and text matching
 * would be fooled by comments and by annotation arguments.
 */
final class TestSources implements TestMethods {

    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest");

    private final Path root;
    private final Map<Path, List<CompilationUnitTree>> parsed = new HashMap<>();

    TestSources(Path root) {
        this.root = root;
    }

    @Override
    public Optional<String> problem(TestReference reference) {
        Path module = root.resolve(reference.module());
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            return Optional.of("there is no module " + reference.module());
        }
        Path source =
                module.resolve("src/test/java").resolve(reference.className().replace('.', '/') + ".java");
        if (!Files.isRegularFile(source)) {
            return Optional.of("there is no test class " + root.relativize(source));
        }
        var type = type(source, reference.simpleName());
        if (type.isEmpty()) {
            return Optional.of(root.relativize(source) + " declares no class " + reference.simpleName());
        }
        List<MethodTree> methods = type.get().getMembers().stream()
                .filter(member ->
                        member instanceof MethodTree method && method.getName().contentEquals(reference.method()))
                .map(MethodTree.class::cast)
                .toList();
        if (methods.isEmpty()) {
            return Optional.of(reference.simpleName() + " has no method " + reference.method());
        }
        if (methods.stream().noneMatch(method -> annotated(method.getModifiers(), TEST_ANNOTATIONS::contains))) {
            return Optional.of(reference.method() + " is not annotated @Test, @ParameterizedTest or @RepeatedTest");
        }
        // A disabled test passes without proving anything.
        if (annotated(type.get().getModifiers(), TestSources::disables)
                || methods.stream().anyMatch(method -> annotated(method.getModifiers(), TestSources::disables))) {
            return Optional.of(reference.method() + " is disabled");
        }
        return Optional.empty();
    }

    private Optional<ClassTree> type(Path source, String className) {
        Path key = source.toAbsolutePath().normalize();
        if (!parsed.containsKey(key)) {
            parsed.putAll(parse(key));
        }
        return parsed.getOrDefault(key, List.of()).stream()
                .flatMap(unit -> unit.getTypeDecls().stream())
                .filter(type -> type instanceof ClassTree declared
                        && declared.getSimpleName().contentEquals(className))
                .map(ClassTree.class::cast)
                .findFirst();
    }

    private static boolean annotated(ModifiersTree modifiers, Predicate<String> name) {
        return modifiers.getAnnotations().stream().map(TestSources::simpleName).anyMatch(name);
    }

    /** {@code @Disabled} and JUnit's conditional {@code @DisabledIf…}, {@code @DisabledOnOs} and the like. */
    private static boolean disables(String annotation) {
        return annotation.startsWith("Disabled");
    }

    /** {@code Test} for {@code @Test} and for {@code @org.junit.jupiter.api.Test}. */
    private static String simpleName(AnnotationTree annotation) {
        String name = annotation.getAnnotationType().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * Parses the source and every other source file of its directory in one javac task, by path: setting up a task
     * costs far more than parsing a file, and a log names many tests of one package. Nothing is resolved, so javac is
     * given no class path.
     */
    private static Map<Path, List<CompilationUnitTree>> parse(Path source) {
        var javac = ToolProvider.getSystemJavaCompiler();
        try (var files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
                var listing = Files.list(source.getParent())) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            List<Path> sources =
                    listing.filter(path -> path.toString().endsWith(".java")).toList();
            var task = (JavacTask) javac.getTask(
                    null,
                    files,
                    diagnostic -> {},
                    List.of("-proc:none"),
                    null,
                    files.getJavaFileObjectsFromPaths(sources));
            Map<Path, List<CompilationUnitTree>> units = new HashMap<>();
            sources.forEach(path -> units.put(path.toAbsolutePath().normalize(), new ArrayList<>()));
            for (CompilationUnitTree unit : task.parse()) {
                units.computeIfAbsent(Path.of(unit.getSourceFile().toUri()).normalize(), path -> new ArrayList<>())
                        .add(unit);
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
