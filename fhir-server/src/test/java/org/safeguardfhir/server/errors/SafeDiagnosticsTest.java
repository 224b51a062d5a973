package org.safeguardfhir.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SafeDiagnosticsTest {

    @Test
    void javaClassNamesSourcePositionsAndStackFramesAreRemoved() {
        assertThat(SafeDiagnostics.scrub("HAPI-1861: Failed to parse JSON encoded FHIR content: Unexpected character"
                        + " at [Source: UNKNOWN; line: 1, column: 3] com.fasterxml.jackson.core.JsonParseException"))
                .isEqualTo("HAPI-1861: Failed to parse JSON encoded FHIR content: Unexpected character");
        assertThat(SafeDiagnostics.scrub("Bad thing\n\tat org.example.Foo.bar(Foo.java:12)\n\tat x.Y.z(Y.java:1)"))
                .isEqualTo("Bad thing");
    }

    @Test
    void theXmlParsersExceptionNameBecomesALineAndColumn() {
        assertThat(
                        SafeDiagnostics.scrub(
                                "HAPI-0450: Failed to parse request body as XML resource. Error was: HAPI-1851:"
                                        + " DataFormatException at [[row,col {unknown-source}]: [1,38]]: HAPI-1825: Unknown element"))
                .isEqualTo("HAPI-0450: Failed to parse request body as XML resource. Error was: HAPI-1851: line 1,"
                        + " column 38: HAPI-1825: Unknown element");
    }

    @Test
    void aMessageThatStillNamesInternalsIsRecognised() {
        assertThat(SafeDiagnostics.revealsInternals("ERROR: invalid byte sequence; SQLState 22021"))
                .isTrue();
        assertThat(SafeDiagnostics.revealsInternals("Cannot invoke because of a NullPointer exception"))
                .isTrue();
        assertThat(SafeDiagnostics.revealsInternals("_sort has 240 keys")).isFalse();
    }

    @Test
    void inputThePostgresqlOrParserCannotTakeIsTheClientsFaultAndAStatementTimeoutNamesTheLimit() {
        assertThat(ClientFaults.of(new RuntimeException(new SQLException("nul", "22021"))))
                .hasValueSatisfying(fault -> assertThat(fault.status()).isEqualTo(400));
        assertThat(ClientFaults.of(new RuntimeException(new SQLException("cancel", "57014"))))
                .hasValueSatisfying(
                        fault -> assertThat(fault.diagnostics()).contains("safeguard.limits.statement-timeout"));
        assertThat(ClientFaults.of(new IllegalStateException("our bug"))).isEmpty();
        assertThat(ClientFaults.of(new RuntimeException(new SQLException("deadlock", "40P01"))))
                .isEmpty();
    }
}
