package id.go.kapuaskab.sertel.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aPlausibleOfferedIdIsKept() {
        assertThat(RequestIds.acceptOrCreate("e-office.7f3a_2026-12-05")).isEqualTo("e-office.7f3a_2026-12-05");
        assertThat(RequestIds.acceptOrCreate("a".repeat(64))).isEqualTo("a".repeat(64));
    }

    @Test
    void anythingElseIsReplacedByAFreshVersion4Uuid() {
        for (String hostile : new String[] {null, "", "a".repeat(65), "id\nforged log line", "id with space", "ïd", "id;drop", "%0a"}) {
            String id = RequestIds.acceptOrCreate(hostile);
            assertThat(id).isNotEqualTo(hostile);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        }
    }

    @Test
    void freshIdsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(RequestIds.acceptOrCreate(null));
        }
        assertThat(ids).hasSize(100_000);
    }
}
