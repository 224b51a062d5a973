package org.safeguardfhir.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.safeguardfhir.profiles.packaging.FhirNpmPackage;
import org.safeguardfhir.testfixtures.FhirExamples;

/** The conformance package and the shipped examples, read from the profiles module on the test classpath. */
public final class PackageExamples {

    private PackageExamples() {}

    /** The examples of one resource type, parsed. */
    public static <T extends IBaseResource> List<T> examples(Class<T> type) {
        return FhirExamples.all(type);
    }

    public static <T extends IBaseResource> T example(Class<T> type, String id) {
        return FhirExamples.of(type, id);
    }

    /** The package the server installs, as HAPI reads it. */
    public static NpmPackage conformancePackage() {
        try (InputStream in =
                PackageExamples.class.getClassLoader().getResourceAsStream(FhirNpmPackage.CLASSPATH_LOCATION)) {
            return NpmPackage.fromPackage(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
