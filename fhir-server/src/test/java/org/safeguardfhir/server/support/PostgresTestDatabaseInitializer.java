package org.safeguardfhir.server.support;

import org.safeguardfhir.testfixtures.PostgresTestDatabase;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application under test at {@link PostgresTestDatabase#shared()}, and makes it trust the tokens of
 * {@link TestTokens}.
 */
public class PostgresTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var database = PostgresTestDatabase.shared();
        TestPropertyValues.of(
                        "spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        TestTokens.publicKeyProperty(),
                        TestTokens.issuerProperty())
                .applyTo(context);
    }
}
