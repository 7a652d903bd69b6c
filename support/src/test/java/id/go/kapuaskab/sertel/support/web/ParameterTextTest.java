package id.go.kapuaskab.sertel.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/applicants|q=a%00b|q|control-character",
            "/api/v1/applicants|size=10&q=%0a|q|control-character",
            "/api/v1/applicants|q=%ed%a0%80|q|invalid-encoding",
            "/api/v1/applicants|q=%ff|q|invalid-encoding",
            "/api/v1/applicants|q=%zz|q|invalid-encoding",
            "/api/v1/applicants|q=%4|q|invalid-encoding",
            "/api/v1/applicants|a%00=1|query|control-character",
            "/api/v1/certificates/ab%00cd||path|control-character",
            "/api/v1/certificates/ab%1Fcd||path|control-character",
            "/api/v1/requests/%c0%af||path|invalid-encoding"})
    void refusesWhatTheEndpointWouldSeeAsControlCharactersOrBrokenText(String path, String query, String field, String code) {
        Optional<ParameterText.Refusal> refusal = ParameterText.check(path, query);

        assertThat(refusal).contains(new ParameterText.Refusal(field, code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=Budi+Santoso", "q=%C3%A9l%C3%A8ve&size=20", "q=", "flag", "q=a%2Fb", "q=%F0%9F%98%80"})
    void acceptsOrdinaryText(String query) {
        assertThat(ParameterText.check("/api/v1/applicants/%E2%82%AC", query)).isEmpty();
    }

    @Test
    void decodesPlusAsSpaceOnlyInTheQuery() {
        assertThat(ParameterText.decode("a+b%20c", true)).contains("a b c");
        assertThat(ParameterText.decode("a+b", false)).contains("a+b");
    }
}
