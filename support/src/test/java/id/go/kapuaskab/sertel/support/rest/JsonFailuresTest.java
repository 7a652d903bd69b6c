package id.go.kapuaskab.sertel.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import id.go.kapuaskab.sertel.support.json.StrictJson;
import id.go.kapuaskab.sertel.support.problem.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A body the strict mapper refuses becomes the problem that names the member, as the caller wrote it. */
class JsonFailuresTest {

    record Item(String name, boolean matches) {
    }

    record Subject(String email, List<String> units) {
    }

    record Body(String reason, int dataVersion, Long count, Boolean flag, Subject subject, List<Item> items,
                Map<String, String> params, Kind kind) {
    }

    enum Kind { ISSUANCE, RENEWAL }

    private final ObjectMapper mapper = StrictJson.apply(JsonMapper.builder().addModule(new ParameterNamesModule()).build());

    private JsonFailures.Verdict judge(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(json, Body.class));
        assertThat(e).as("refused: " + json).isNotNull();
        return JsonFailures.judge(e, Locale.ENGLISH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"reason\":\"a\\u0000b\"}|reason",
            "{\"reason\":\"bell\\u0007\"}|reason",
            "{\"reason\":\"lone \\ud800 surrogate\"}|reason",
            "{\"subject\":{\"email\":\"x\\u001b@y\"}}|subject.email",
            "{\"subject\":{\"units\":[\"ok\",\"a\\u0000\"]}}|subject.units[1]",
            "{\"items\":[{\"name\":\"ok\"},{\"name\":\"\\u0000\"}]}|items[1].name",
            "{\"params\":{\"link\":\"\\u0000\"}}|params.link",
            "{\"params\":{\"a\\u0000\":\"x\"}}|params"})
    void controlCharactersAreAValidationProblemNamingTheMember(String json, String field) {
        JsonFailures.Verdict verdict = judge(json);

        assertThat(verdict.code()).isEqualTo("validation");
        assertThat(verdict.status()).isEqualTo(422);
        assertThat(verdict.fields()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(field, "control-character"));
        assertThat(verdict.fields().get(0).message()).contains(field);
    }

    @Test
    void tabsAndLineBreaksAreText() throws Exception {
        Body body = mapper.readValue("{\"reason\":\"line one\\r\\nline two\\tend \\ud83d\\ude00\"}", Body.class);

        assertThat(body.reason()).isEqualTo("line one\r\nline two\tend \ud83d\ude00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"reason\":\"a\",\"reason\":\"b\"}|reason",
            "{\"subject\":{\"email\":\"a\",\"email\":\"b\"}}|subject.email",
            "{\"items\":[{\"name\":\"a\"},{\"name\":\"a\",\"name\":\"b\"}]}|items[1].name"})
    void aMemberGivenTwiceIsMalformedAndNamed(String json, String field) {
        JsonFailures.Verdict verdict = judge(json);

        assertThat(verdict.code()).isEqualTo("malformed-request");
        assertThat(verdict.status()).isEqualTo(400);
        assertThat(verdict.fields()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(field, "duplicate-field"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"dataVersion\":1.5}|dataVersion",
            "{\"dataVersion\":1.0}|dataVersion",
            "{\"dataVersion\":\"3\"}|dataVersion",
            
            "{\"dataVersion\":true}|dataVersion",
            "{\"count\":2.5}|count",
            "{\"count\":\"\"}|count",
            "{\"flag\":\"true\"}|flag",
            "{\"flag\":1}|flag",
            "{\"reason\":5}|reason",
            "{\"reason\":false}|reason",
            "{\"kind\":0}|kind",
            "{\"kind\":\"SOMETHING\"}|kind",
            "{\"subject\":[]}|subject",
            "{\"items\":[{\"matches\":\"yes\"}]}|items[0].matches"})
    void valuesOfTheWrongTypeAreNeverConvertedButRefusedByName(String json, String field) {
        JsonFailures.Verdict verdict = judge(json);

        assertThat(verdict.code()).isEqualTo("malformed-request");
        assertThat(verdict.fields()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(field, "invalid-value"));
    }

    @Test
    void deepNestingTrailingTokensAndBrokenJsonAreMalformedWithoutAField() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (String json : List.of(deep, "{\"reason\":\"a\"} {}", "{\"reason\":", "{\"reason\":\"a\" \"x\"}")) {
            JsonFailures.Verdict verdict = judge(json);
            assertThat(verdict.code()).as(json.length() > 40 ? "deep" : json).isEqualTo("malformed-request");
            assertThat(verdict.status()).isEqualTo(400);
        }
        JsonProcessingException nested = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readTree("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}"));
        assertThat(JsonFailures.judge(nested, Locale.ENGLISH).code()).isEqualTo("malformed-request");
    }

    @Test
    void anUnknownMemberIsNamed() {
        ObjectMapper strictUnknown = StrictJson.apply(JsonMapper.builder().addModule(new ParameterNamesModule()).build());
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> strictUnknown.readValue("{\"subject\":{\"nope\":1}}", Body.class));

        assertThat(JsonFailures.judge(e, Locale.ENGLISH).fields()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("subject.nope", "unknown-field"));
    }

    @Test
    void wellFormedBodiesStillRead() throws Exception {
        Body body = mapper.readValue("""
                {"reason":"Sesuai","dataVersion":3,"count":10,"flag":false,"subject":{"email":"a@b.go.id","units":["x"]},
                 "items":[{"name":"n","matches":true}],"params":{"k":"v"},"kind":"RENEWAL"}""", Body.class);

        assertThat(body.dataVersion()).isEqualTo(3);
        assertThat(body.kind()).isEqualTo(Kind.RENEWAL);
        assertThat(body.items()).containsExactly(new Item("n", true));
    }
}
