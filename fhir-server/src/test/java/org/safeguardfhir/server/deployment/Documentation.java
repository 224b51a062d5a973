package org.safeguardfhir.server.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Markdown files as the documentation checks read them: their lines, their relative links (inline
 * and reference-style, outside code) and their headings' anchors as GitHub makes them.
 */
final class Documentation {

    private static final Pattern INLINE_LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^ {0,3}\\[[^\\]]+]:[ \\t]*(\\S+)", Pattern.MULTILINE);
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");

    private final Path root;
    private final Map<Path, List<String>> files;

    private Documentation(Path root, Map<Path, List<String>> files) {
        this.root = root;
        this.files = files;
    }

    /** Every Markdown file under the root, build output, installed packages and hidden directories apart. */
    static Documentation of(Path root) throws IOException {
        Map<Path, List<String>> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name))
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (file.getFileName().toString().endsWith(".md")) {
                    files.put(root.relativize(file), Files.readAllLines(file, StandardCharsets.UTF_8));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new Documentation(root, files);
    }

    Set<Path> files() {
        return files.keySet();
    }

    /** "file:line (length)" of every line longer than the limit, code blocks and tables included. */
    List<String> longLines(int limit) {
        List<String> found = new ArrayList<>();
        files.forEach((file, lines) -> {
            for (int i = 0; i < lines.size(); i++) {
                int length = lines.get(i).codePointCount(0, lines.get(i).length());
                if (length > limit) {
                    found.add(file + ":" + (i + 1) + " (" + length + ")");
                }
            }
        });
        return found;
    }

    /** The Markdown files under docs/ that no link of the README leads to. */
    List<Path> docsNotLinkedFromTheReadme() {
        Path readme = Path.of("README.md");
        Set<Path> linked = new HashSet<>();
        for (String target : links(readme)) {
            linked.add(resolve(readme, target.split("#", 2)[0]));
        }
        return files.keySet().stream()
                .filter(file -> file.startsWith("docs"))
                .filter(file -> !linked.contains(file))
                .toList();
    }

    /** "file: target" of every relative link whose file, or heading in a Markdown file, does not exist. */
    List<String> brokenLinks() {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        files.forEach((file, lines) -> {
            for (String target : links(file)) {
                String[] parts = target.split("#", 2);
                Path path = resolve(file, parts[0]);
                boolean exists = Files.exists(root.resolve(path));
                boolean anchored = parts.length < 2
                        || !path.toString().endsWith(".md")
                        || (exists
                                && anchors.computeIfAbsent(path, this::anchors).contains(parts[1]));
                if (!exists || !anchored) {
                    broken.add(file + ": " + target);
                }
            }
        });
        return broken;
    }

    private Path resolve(Path file, String path) {
        if (path.isEmpty()) {
            return file;
        }
        Path parent = file.getParent() == null ? Path.of("") : file.getParent();
        return parent.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
    }

    /** The relative link targets of a file, as written, outside fenced code and code spans. */
    private List<String> links(Path file) {
        // A link's text may run over a line break, so the prose is read as one text.
        String text = CODE_SPAN
                .matcher(String.join("\n", prose(files.getOrDefault(file, List.of()))))
                .replaceAll("");
        List<String> targets = new ArrayList<>();
        for (Pattern link : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
            Matcher found = link.matcher(text);
            while (found.find()) {
                targets.add(found.group(1));
            }
        }
        return targets.stream().filter(target -> !SCHEME.matcher(target).find()).toList();
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, "-1", "-2" … for repeated headings. */
    private Set<String> anchors(Path file) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(files.containsKey(file) ? files.get(file) : readLines(file))) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1)
                        .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                        .replace(' ', '-');
                int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
            }
        }
        return anchors;
    }

    private List<String> readLines(Path file) {
        try {
            return Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines outside fenced code blocks, where a "#" starts a shell comment and brackets are code. */
    private static List<String> prose(List<String> lines) {
        List<String> prose = new ArrayList<>();
        String fence = null;
        for (String line : lines) {
            String stripped = line.stripLeading();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
            } else if (fence != null && stripped.startsWith(fence)) {
                fence = null;
            } else if (fence == null) {
                prose.add(line);
            }
        }
        return prose;
    }
}
