package id.go.kapuaskab.sertel.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every service's audit test does to its own trail: as the database superuser, with the triggers switched off
 * for the session ({@code session_replication_role = replica}), it edits one record, deletes another, then truncates
 * the table, and checks after each that the service's verification ({@code POST <base>/verification}) names them.
 * Decisions the service makes meanwhile (background work of other tests) only add records after the damage.
 */
public final class AuditTampering {

    private final String database;
    private final String base;
    private final String auditor = TestTokens.auditor(UUID.randomUUID());

    /** {@code base} is the trail's path, e.g. {@code /api/v1/audit/renewal}. */
    public AuditTampering(String database, String base) {
        this.database = database;
        this.base = base;
    }

    public String auditorToken() {
        return auditor;
    }

    /** The records whose subject or reference is {@code subject}, in order. */
    public JsonPath records(String subject) {
        return given().auth().oauth2(auditor).queryParam("subject", subject).queryParam("limit", 1000).get(base + "/records")
                .then().statusCode(200).extract().jsonPath();
    }

    public JsonPath verify() {
        return given().auth().oauth2(auditor).post(base + "/verification").then().statusCode(200).extract().jsonPath();
    }

    /**
     * Edits the record {@code edited} (its detail) and deletes {@code deleted} (both given as the records page's
     * {@code items[i]} maps), checks that the verification names both, then truncates the table and checks it names
     * the lanes as emptied.
     */
    public void editDeleteTruncateAndExpectEachNamed(Map<String, Object> edited, Map<String, Object> deleted) {
        assertThat(verify().getBoolean("intact")).as("the trail is intact before anyone touches it").isTrue();
        superuser("UPDATE audit_record SET detail = '{\"note\":\"nothing to see\"}' WHERE id = " + number(edited, "id"),
                "DELETE FROM audit_record WHERE id = " + number(deleted, "id"));
        JsonPath report = verify();
        assertThat(report.getBoolean("intact")).isFalse();
        List<Map<String, Object>> findings = report.getList("findings");
        assertThat(findings).as("the edited record is named").anySatisfy(f -> {
            assertThat(f.get("kind")).isEqualTo("CHANGED");
            assertThat(number(f, "recordId")).isEqualTo(number(edited, "id"));
            assertThat(number(f, "lane")).isEqualTo(number(edited, "lane"));
            assertThat(number(f, "seq")).isEqualTo(number(edited, "seq"));
        });
        assertThat(findings).as("the deleted record is named by its lane and sequence number").anySatisfy(f -> {
            assertThat(f.get("kind")).isIn("DELETED", "TRUNCATED");
            assertThat(number(f, "lane")).isEqualTo(number(deleted, "lane"));
            assertThat(number(f, "seq")).isLessThanOrEqualTo(number(deleted, "seq"));
            assertThat(number(f, "toSeq")).isGreaterThanOrEqualTo(number(deleted, "seq"));
        });

        superuser("TRUNCATE audit_record");
        JsonPath truncated = verify();
        assertThat(truncated.getBoolean("intact")).isFalse();
        // each lane that held records is named from its first record on: TRUNCATED when it is empty, DELETED when a
        // decision the service made meanwhile (a background worker's) was appended after the cut
        assertThat(truncated.getList("findings.kind")).isNotEmpty().isSubsetOf("TRUNCATED", "DELETED");
        assertThat(truncated.getList("findings.seq", Long.class)).containsOnly(1L);
        assertThat(truncated.getList("findings.lane", Long.class)).contains(number(edited, "lane"), number(deleted, "lane"));
    }

    /** Runs SQL as the superuser with the triggers off, as an attacker with that account would. */
    public void superuser(String... statements) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(database), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(Map<String, ?> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}
