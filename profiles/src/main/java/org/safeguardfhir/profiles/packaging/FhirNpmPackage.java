package org.safeguardfhir.profiles.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.safeguardfhir.profiles.ConformancePackage;

/**
 * Writes the conformance package as a FHIR NPM package. Only conformance artefacts go in ({@code *.json} directly in
 * the given directories); examples stay out, so installing the package never stores patient-like data.
 */
public final class FhirNpmPackage {

    /** Where the package sits on the classpath of anything that depends on the profiles module. */
    public static final String CLASSPATH_LOCATION =
            "package/" + ConformancePackage.ID + "-" + ConformancePackage.VERSION + ".tgz";

    private FhirNpmPackage() {}

    /** Build-time entry point: {@code FhirNpmPackage <output.tgz> <artefact directory>...}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: FhirNpmPackage <output.tgz> <artefact directory>...");
        }
        var output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        var directories = Stream.of(args).skip(1).map(Path::of).toList();
        try (OutputStream out = Files.newOutputStream(output)) {
            write(artefactFiles(directories), out);
        }
    }

    public static byte[] build(List<Path> artefactDirectories) throws IOException {
        var bytes = new ByteArrayOutputStream();
        write(artefactFiles(artefactDirectories), bytes);
        return bytes.toByteArray();
    }

    static List<Path> artefactFiles(List<Path> directories) throws IOException {
        var files = new ArrayList<Path>();
        for (Path directory : directories) {
            try (Stream<Path> listing = Files.list(directory)) {
                listing.filter(f -> Files.isRegularFile(f)
                                && f.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static void write(List<Path> artefacts, OutputStream out) throws IOException {
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            add(
                    tar,
                    "package/package.json",
                    PackageManifest.json(artefacts.size()).getBytes(StandardCharsets.UTF_8));
            for (Path artefact : artefacts) {
                add(tar, "package/" + artefact.getFileName(), Files.readAllBytes(artefact));
            }
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        var entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        // A fixed time keeps the archive identical across builds of the same sources.
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
