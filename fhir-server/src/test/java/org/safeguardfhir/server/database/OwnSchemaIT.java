package org.safeguardfhir.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@FhirServerIntegrationTest
class OwnSchemaIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayOwnsTheSafeguardSchema() {
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = 'safeguard' AND table_name = 'flyway_schema_history'",
                Integer.class);

        assertThat(applied).isEqualTo(1);
    }

    @Test
    void runsOnPostgresql() {
        String version = jdbc.queryForObject("SELECT version()", String.class);

        assertThat(version).startsWith("PostgreSQL");
    }
}
