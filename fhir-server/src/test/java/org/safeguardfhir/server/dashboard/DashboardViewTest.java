package org.safeguardfhir.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.InputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.deidentification.Deidentifier;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;

class DashboardViewTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static Deidentifier dashboard() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (InputStream in = DashboardViewTest.class.getResourceAsStream("/deidentification/dashboard.yaml")) {
            var keys = Map.of("SAFEGUARD_DEID_HASH_KEY", key, "SAFEGUARD_DEID_DATE_SHIFT_KEY", key);
            return new Deidentifier(DeidentificationConfig.load(in), keys::get, Clock.systemUTC());
        }
    }

    private static Task task(String version, Task.TaskStatus status) {
        var task = new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER).setFor(new Reference("Patient/7"));
        task.setId("Task/12/_history/" + version);
        task.addNote().setText("Call Amira after six");
        return task;
    }

    private static String json(Object resource) {
        return FHIR.newJsonParser().encodeResourceToString((org.hl7.fhir.instance.model.api.IBaseResource) resource);
    }

    @Test
    void eachRequestGetsItsOwnCopyOfAVersionsPseudonymisedView() throws Exception {
        var view = new DashboardView(dashboard(), 100);
        var first = new SystemRequestDetails();
        var second = new SystemRequestDetails();

        var a = view.show(first, task("1", Task.TaskStatus.REQUESTED));
        var b = view.show(second, task("1", Task.TaskStatus.REQUESTED));

        assertThat(b).isNotSameAs(a);
        assertThat(json(b)).isEqualTo(json(a)).doesNotContain("Amira", "Patient/7\"");
        assertThat(view.isShownCopy(first, a)).isTrue();
        assertThat(view.isShownCopy(first, b)).as("shown to the other request").isFalse();
        assertThat(view.isShownCopy(second, b)).isTrue();
    }

    @Test
    void aNewVersionIsPseudonymisedAnew() throws Exception {
        var view = new DashboardView(dashboard(), 100);

        view.show(new SystemRequestDetails(), task("1", Task.TaskStatus.REQUESTED));
        var updated = (Task) view.show(new SystemRequestDetails(), task("2", Task.TaskStatus.COMPLETED));

        assertThat(updated.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    }

    @Test
    void withNoCacheEveryShowingIsMadeAnew() throws Exception {
        var view = new DashboardView(dashboard(), 0);

        var shown = (Task) view.show(new SystemRequestDetails(), task("1", Task.TaskStatus.ONHOLD));

        assertThat(shown.getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
        assertThat(shown.hasNote()).isFalse();
    }
}
