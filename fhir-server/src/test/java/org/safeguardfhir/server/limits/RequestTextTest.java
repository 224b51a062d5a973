package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTextTest {

    @Test
    void wellFormedUtf8JsonPasses() {
        assertThat(RequestText.problemInBody(
                        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Ødegård \\ud83d\\ude00\"}]}"
                                .getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        assertThat(RequestText.problemInBody(new byte[] {'{', (byte) 0xC3, '(', '}'}))
                .contains("The request body is not valid UTF-8");
        assertThat(RequestText.problemInBody(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .as("a surrogate encoded as UTF-8 bytes")
                .contains("The request body is not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"x\u0000y\"}", "{\"a\":\"x\\u0000y\"}"})
    void aNulRawOrEscapedIsRefused(String body) {
        assertThat(RequestText.problemInBody(body.getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("NUL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\\ud800\"}", "{\"a\":\"\\ud800x\"}"})
    void anUnpairedSurrogateEscapeIsRefused(String body) {
        assertThat(RequestText.problemInBody(body.getBytes(StandardCharsets.UTF_8)))
                .contains("The request body contains an unpaired surrogate escape");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=%zz", "name=%4", "name=%00", "name=%C3%28", "name=%ED%A0%80"})
    void aQueryWhosePercentEncodingDoesNotDecodeIsRefused(String query) {
        assertThat(RequestText.problemInEncoded(query, "The query")).isPresent();
    }

    @Test
    void aWellEncodedQueryPasses() {
        assertThat(RequestText.problemInEncoded("name=%C3%98deg%C3%A5rd&_count=10&given=a+b", "The query"))
                .isEmpty();
    }
}
