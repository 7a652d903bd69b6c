package id.go.kapuaskab.sertel.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** An extension member never repeats a member of the problem itself (RFC 9457 §3.2). */
class ProblemMembersTest {

    @ParameterizedTest
    @ValueSource(strings = {"type", "title", "status", "detail", "instance", "code", "requestId", "fieldErrors"})
    void anExtensionNamedLikeAStandardMemberFailsWhereTheExceptionIsMade(String name) {
        assertThatThrownBy(() -> DomainException.conflict("data-change.not-open").with(name, "SUBMITTED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "type"})
    void theBuilderRefusesSuchAnExtensionToo(String name) {
        assertThatThrownBy(() -> Problems.of("conflict.stale-version", 409, Locale.ENGLISH, "r1", "/x", List.of(),
                Map.of(name, "SUBMITTED")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyMemberAppearsOnceInTheBody() throws Exception {
        DomainException e = DomainException.conflict("conflict.stale-version").with("currentStatus", "APPROVED");
        String body = new ObjectMapper().writeValueAsString(Problems.of(e, Locale.ENGLISH, "r1", "/api/v1/x"));

        assertThat(body.split("\"status\":", -1)).hasSize(2);
        assertThat(new ObjectMapper().readTree(body).get("status").asInt()).isEqualTo(409);
        assertThat(new ObjectMapper().readTree(body).get("currentStatus").asText()).isEqualTo("APPROVED");
    }
}
