package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.deploy.WhoMayCallWhom.Pair;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's "Who may call whom" table is read the way the NetworkPolicy check relies on. */
class ReadmeTablesTest {

    private static final String SAMPLE = """
            ## Components

            ### Who may call whom

            Enforced twice.

            | caller | callee | what | identity the callee requires |
            |---|---|---|---|
            | internet | gateway | `/api/v1/**`, `/pki/**`, `/openapi` | a token |
            | `renewal-service` | certificate-service | sign (`/internal/…`) | `RENEWAL_SERVICE` |
            | every service | applicant-service | JWKS | none |

            ## Next
            """;

    @Test
    void expandsEveryServiceAndLeavesOutSelfCalls() {
        assertThat(WhoMayCallWhom.parse(SAMPLE)).containsExactlyInAnyOrder(
                new Pair("internet", "gateway"),
                new Pair("renewal-service", "certificate-service"),
                new Pair("gateway", "applicant-service"),
                new Pair("renewal-service", "applicant-service"),
                new Pair("certificate-service", "applicant-service"),
                new Pair("notification-service", "applicant-service"),
                new Pair("signing-service", "applicant-service"));
    }

    @Test
    void readsThePathsOfTheInternetRow() {
        assertThat(WhoMayCallWhom.internetPaths(SAMPLE)).containsExactly("/api/v1", "/pki", "/openapi");
    }

    @Test
    void refusesANameItDoesNotKnow() {
        String table = SAMPLE.replace("| every service |", "| audit-service |");

        assertThatThrownBy(() -> WhoMayCallWhom.parse(table)).hasMessageContaining("audit-service");
    }

    @Test
    void refusesAMissingTable() {
        assertThatThrownBy(() -> WhoMayCallWhom.parse("# README\n\nno table")).hasMessageContaining("Who may call whom");
    }

    @Test
    void theProjectReadmeHasTheTable() throws Exception {
        var pairs = WhoMayCallWhom.parse(Files.readString(Manifests.project().resolve("README.md")));

        assertThat(pairs).contains(new Pair("internet", "gateway"), new Pair("renewal-service", "certificate-service"),
                new Pair("notification-service", "certificate-service"));
        assertThat(pairs).doesNotContain(new Pair("gateway", "gateway"), new Pair("notification-service", "renewal-service"));
    }
}
