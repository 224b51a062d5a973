package org.safeguardfhir.server;

import org.safeguardfhir.server.conformance.ConformancePackageInstaller;
import org.safeguardfhir.server.validation.ValidatorWarmUp;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What must be done before the server accepts its first request, in this order: install the conformance package, then
 * warm the validators up (warming first would cache "not found" for our questionnaires and profiles). Runs once all
 * beans exist and before the web server starts listening.
 */
@Component
class StartupPreparation implements SmartInitializingSingleton {

    private final ConformancePackageInstaller packageInstaller;
    private final ValidatorWarmUp validatorWarmUp;

    StartupPreparation(ConformancePackageInstaller packageInstaller, ValidatorWarmUp validatorWarmUp) {
        this.packageInstaller = packageInstaller;
        this.validatorWarmUp = validatorWarmUp;
    }

    @Override
    public void afterSingletonsInstantiated() {
        packageInstaller.install();
        validatorWarmUp.warmUp();
    }
}
