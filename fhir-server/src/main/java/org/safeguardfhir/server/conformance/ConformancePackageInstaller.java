package org.safeguardfhir.server.conformance;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.profiles.packaging.FhirNpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Installs the conformance package {@code org.safeguardfhir.screening} into the server's own repository, so that every artefact is served and the validator can find it. Servers that
 * start together on one database take turns (a PostgreSQL advisory lock), and an artefact already stored is updated
 * in place, never stored twice.
 */
@Component
public class ConformancePackageInstaller {

    /** The artefact types we install; examples never ship in the package. */
    static final List<String> INSTALLED_TYPES = List.of(
            "CodeSystem",
            "ValueSet",
            "ConceptMap",
            "StructureDefinition",
            "Questionnaire",
            "SearchParameter",
            "OperationDefinition");

    private static final Logger log = LoggerFactory.getLogger(ConformancePackageInstaller.class);
    private static final long LOCK_KEY = 0x5afe_6a4d_0001L;

    private final IPackageInstallerSvc installer;
    private final IHapiPackageCacheManager packageCache;
    private final DaoRegistry daos;
    private final DataSource dataSource;

    ConformancePackageInstaller(
            IPackageInstallerSvc installer,
            IHapiPackageCacheManager packageCache,
            DaoRegistry daos,
            DataSource dataSource) {
        this.installer = installer;
        this.packageCache = packageCache;
        this.daos = daos;
        this.dataSource = dataSource;
    }

    /** Installs the package; safe to call again, from any number of servers at once. */
    public void install() {
        byte[] contents = packageBytes();
        var spec = new PackageInstallationSpec()
                .setName(ConformancePackage.ID)
                .setVersion(ConformancePackage.VERSION)
                .setPackageContents(contents)
                .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
                .setFetchDependencies(false);
        spec.setInstallResourceTypes(INSTALLED_TYPES);
        // Stored artefacts always match the shipped package; HAPI skips updates that change nothing.
        spec.setReloadExisting(true);
        try (var connection = dataSource.getConnection();
                var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)");
                var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
            try {
                if (alreadyInstalled(contents)) {
                    log.info("{}#{} is installed and unchanged", spec.getName(), spec.getVersion());
                } else {
                    var outcome = installer.install(spec);
                    log.info("Installed {}#{}: {}", spec.getName(), spec.getVersion(), outcome.getResourcesInstalled());
                }
            } finally {
                unlock.setLong(1, LOCK_KEY);
                unlock.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the package installation lock", e);
        }
    }

    /**
     * The same package bytes are stored and the screening questionnaires, installed last, exist: a restart need not
     * install again (HAPI would regenerate every snapshot, seconds of work). A changed package is installed again.
     */
    private boolean alreadyInstalled(byte[] contents) {
        var stored = packageCache.loadPackageContents(ConformancePackage.ID, ConformancePackage.VERSION);
        if (stored == null || !Arrays.equals(stored.getBytes(), contents)) {
            return false;
        }
        var questionnaires = daos.getResourceDao("Questionnaire");
        return ConformancePackage.SCREENING_QUESTIONNAIRES.stream()
                .allMatch(url -> questionnaires
                                .search(
                                        SearchParameterMap.newSynchronous("url", new UriParam(url)),
                                        new SystemRequestDetails())
                                .size()
                        == 1);
    }

    private static byte[] packageBytes() {
        try (InputStream in = ConformancePackageInstaller.class
                .getClassLoader()
                .getResourceAsStream(FhirNpmPackage.CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The conformance package is missing: " + FhirNpmPackage.CLASSPATH_LOCATION);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
