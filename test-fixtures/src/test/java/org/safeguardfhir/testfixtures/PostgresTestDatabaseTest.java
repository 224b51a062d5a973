package org.safeguardfhir.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresTestDatabaseTest {

    @Test
    void replacesTheDatabaseAndKeepsParameters() {
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "it"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/it?sslmode=disable");
    }

    @Test
    void addsADatabaseToAServerOnlyUrl() {
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db:5432", "it"))
                .isEqualTo("jdbc:postgresql://db:5432/it");
    }
}
