package org.safeguardfhir.server;

import org.safeguardfhir.server.conformance.ConformancePackageInstaller;
import org.safeguardfhir.server.screening.ReferralDirectoryInstaller;
import org.safeguardfhir.server.validation.ValidatorWarmUp;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What must be done before the server accepts its first request, in this order: install the conformance package and
 * the referral directory, then warm the validators up (warming first would cache "not found" for our questionnaires
 * and profiles). Runs once all beans exist, before the web server listens and before the Camel routes start.
 */
@Component
class StartupPreparation implements SmartInitializingSingleton {

    private final ConformancePackageInstaller packageInstaller;
    private final ReferralDirectoryInstaller directoryInstaller;
    private final ValidatorWarmUp validatorWarmUp;

    StartupPreparation(
            ConformancePackageInstaller packageInstaller,
            ReferralDirectoryInstaller directoryInstaller,
            ValidatorWarmUp validatorWarmUp) {
        this.packageInstaller = packageInstaller;
        this.directoryInstaller = directoryInstaller;
        this.validatorWarmUp = validatorWarmUp;
    }

    @Override
    public void afterSingletonsInstantiated() {
        packageInstaller.install();
        directoryInstaller.install();
        validatorWarmUp.warmUp();
    }
}
