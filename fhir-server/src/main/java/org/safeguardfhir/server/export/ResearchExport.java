package org.safeguardfhir.server.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.safeguardfhir.deidentification.Deidentifier;
import org.safeguardfhir.deidentification.kanonymity.KAnonymiser;
import org.safeguardfhir.deidentification.kanonymity.KAnonymity;
import org.safeguardfhir.deidentification.kanonymity.PatientQuasiIdentifiers;
import org.safeguardfhir.profiles.ScreeningInstrument;
import org.safeguardfhir.server.access.PatientOf;
import org.safeguardfhir.server.deidentification.Deidentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one export, in one repeatable-read transaction: every resource is read from the same snapshot, every file is
 * stored and the job marked completed together, or nothing is (a crash or an error leaves the job queued, a
 * cancellation makes the completion fail and rolls the files back).
 *
 * <p>Every Patient on record is de-identified with the job's configuration and the patients made k-anonymous on age
 * band, sex, region and nationality ({@link PatientQuasiIdentifiers}): a patient in a group smaller than k is
 * generalised further, or suppressed. A suppressed patient's other resources are left out too, and so is any
 * resource that names no patient, since its dates cannot be shifted per patient nor its patient counted.
 */
class ResearchExport {

    /** Resources read per query. */
    static final int BATCH = 500;

    private final DaoRegistry daos;
    private final Deidentifiers deidentifiers;
    private final ExportJobs jobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final FhirContext fhirContext;
    private final ExportProperties properties;
    private final EntityManagerFactory entityManagerFactory;

    ResearchExport(
            DaoRegistry daos,
            Deidentifiers deidentifiers,
            ExportJobs jobs,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            FhirContext fhirContext,
            ExportProperties properties,
            EntityManagerFactory entityManagerFactory) {
        this.daos = daos;
        this.deidentifiers = deidentifiers;
        this.jobs = jobs;
        this.jdbc = JdbcClient.create(dataSource);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.fhirContext = fhirContext;
        this.properties = properties;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Makes the job's files; false if the job was no longer queued when they were done (cancelled meanwhile). */
    boolean make(ExportJob job) {
        Deidentifier engine = deidentifiers
                .named(job.configuration())
                .orElseThrow(
                        () -> new IllegalStateException("no de-identification configuration " + job.configuration()));
        return Boolean.TRUE.equals(snapshot.execute(status -> {
            // JPA's transaction manager cannot set an isolation level, so the transaction's first statement does.
            jdbc.sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").update();
            Instant transactionTime = jobs.transactionStart();
            var parser = fhirContext.newJsonParser();
            var summary = new Summary();

            var patientIds = new ArrayList<String>();
            var patients = new ArrayList<Patient>();
            read("Patient", resource -> {
                String reference = "Patient/" + resource.getIdElement().getIdPart();
                patientIds.add(reference);
                patients.add((Patient) engine.deidentify(resource, reference));
            });
            KAnonymity<Patient> anonymity = new KAnonymiser<>(
                            properties.k(),
                            PatientQuasiIdentifiers::of,
                            PatientQuasiIdentifiers.hierarchy(properties.wideAgeBands()))
                    .anonymise(patients);
            var released = new HashMap<String, Patient>();
            for (int i = 0; i < patientIds.size(); i++) {
                var outcome = anonymity.outcomes().get(i);
                if (!outcome.isSuppressed()) {
                    released.put(patientIds.get(i), outcome.record().orElseThrow());
                }
            }

            var files = new NdjsonFiles(jobs, job.id(), properties.resourcesPerFile());
            for (String type : job.types()) {
                if ("Patient".equals(type)) {
                    for (String id : patientIds) {
                        var patient = released.get(id);
                        if (patient != null) {
                            files.add(type, parser.encodeResourceToString(patient));
                        }
                    }
                    continue;
                }
                read(type, resource -> {
                    String patient = PatientOf.reference(resource).orElse(null);
                    if (patient == null) {
                        summary.withoutPatient++;
                    } else if (!released.containsKey(patient)) {
                        summary.withSuppressedPatient++;
                    } else {
                        files.add(
                                type,
                                parser.encodeResourceToString(engine.deidentify(asInstrument(resource), patient)));
                    }
                });
            }
            files.finish();

            if (!jobs.complete(job.id(), transactionTime, properties.retention(), summary.json(job, anonymity))) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /** A response to a language variant is exported as a response to its instrument: researchers count one. */
    static IBaseResource asInstrument(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response) {
            ScreeningInstrument.instrumentCanonical(response.getQuestionnaire()).ifPresent(response::setQuestionnaire);
        }
        return resource;
    }

    /** Every current resource of the type, in the order they were created, a batch at a time. */
    private void read(String type, Consumer<IBaseResource> each) {
        List<String> ids = jdbc.sql("SELECT fhir_id FROM hfj_resource WHERE res_type = ? AND res_deleted_at IS NULL"
                        + " ORDER BY res_id")
                .param(type)
                .query(String.class)
                .list();
        var dao = daos.getResourceDao(type);
        for (int from = 0; from < ids.size(); from += BATCH) {
            var batch = new TokenOrListParam();
            ids.subList(from, Math.min(from + BATCH, ids.size())).forEach(id -> batch.add(new TokenParam(id)));
            // No _count: with one equal to the batch HAPI cannot tell the result is complete, and will not give it.
            var map = SearchParameterMap.newSynchronous();
            map.add("_id", batch);
            dao.search(map, new SystemRequestDetails()).getAllResources().forEach(each);
            // Nothing is written through JPA here, so the entities read can go: kept, each later query would check
            // every one of them for changes before it runs, which made the export's time grow with its square.
            EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory)
                    .clear();
        }
    }

    /** What the manifest says of the export beyond its files. */
    private static final class Summary {
        long withoutPatient;
        long withSuppressedPatient;

        String json(ExportJob job, KAnonymity<Patient> anonymity) {
            var patients = new LinkedHashMap<String, Object>();
            patients.put("total", anonymity.outcomes().size());
            patients.put("released", anonymity.released());
            patients.put("releasedUnchanged", anonymity.released() - anonymity.generalised());
            patients.put("generalised", anonymity.generalised());
            patients.put("generalisedBy", anonymity.generalisedBy());
            patients.put("suppressed", anonymity.suppressed());
            var left = new LinkedHashMap<String, Object>();
            left.put("ofSuppressedPatients", withSuppressedPatient);
            left.put("withoutPatient", withoutPatient);
            var summary = new LinkedHashMap<String, Object>();
            summary.put("configuration", job.configuration());
            summary.put("k", anonymity.k());
            summary.put("quasiIdentifiers", PatientQuasiIdentifiers.NAMES);
            summary.put("patients", patients);
            summary.put("resourcesLeftOut", left);
            return ExportManifest.write(summary);
        }
    }
}
