package id.go.kapuaskab.sertel.certificate.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.certificate.Csrs;
import id.go.kapuaskab.sertel.certificate.Db;
import id.go.kapuaskab.sertel.certificate.Issue;
import id.go.kapuaskab.sertel.testsupport.PrometheusScrape;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A revoked row always carries its revocation time, and a CRL that cannot be re-signed keeps the current one without
 * stopping the others: the check at start and on schedule logs the failure and tries again.
 */
@QuarkusTest
class CrlRefreshTest {

    @Inject
    Db db;

    @Inject
    CrlService crls;

    @Inject
    CaRegistry cas;

    @Inject
    CaMetrics metrics;

    @Test
    void aRevokedOrSuspendedRowWithoutItsRevocationTimeIsRefusedWhereItIsWritten() {
        String serial = Issue.withCsr(Csrs.p256()).post().then().statusCode(201).extract().path("serial");
        for (String status : new String[] {"REVOKED", "SUSPENDED"}) {
            assertThatThrownBy(() -> db.update("UPDATE certificate SET status = ?, status_changed_at = now() WHERE serial = ?", status, serial))
                    .hasStackTraceContaining("certificate_revoked_at_present");
        }
        assertThat(db.column("SELECT status FROM certificate WHERE serial = ?", serial)).containsExactly("ACTIVE");
    }

    @Test
    void aCrlThatCannotBeSignedStaysAsItWasTheOtherCasIsStillRefreshedAndTheNextCheckSignsItOnceTheRowIsMended() throws Exception {
        String serial = Issue.withCsr(Csrs.p256()).post().then().statusCode(201).extract().path("serial");
        String issuing = cas.issuing().name();
        String root = cas.root().name();
        // a database from before migration V5 may hold such a row: the constraint is NOT VALID, so it checks rows written since
        db.update("ALTER TABLE certificate DROP CONSTRAINT certificate_revoked_at_present; "
                + "UPDATE certificate SET status = 'REVOKED', status_changed_at = now() WHERE serial = '" + serial.replaceAll("[^0-9A-Fa-f]", "") + "'; "
                + "ALTER TABLE certificate ADD CONSTRAINT certificate_revoked_at_present "
                + "CHECK (status NOT IN ('REVOKED', 'SUSPENDED') OR revoked_at IS NOT NULL) NOT VALID");
        try {
            assertThat(db.count("SELECT count(*) FROM certificate WHERE serial = ? AND status = 'REVOKED' AND revoked_at IS NULL", serial))
                    .isEqualTo(1);
            db.update("UPDATE ca_authority SET crl_this_update = crl_this_update - interval '1 day'");   // both CRLs stale
            long issuingNumber = crlNumber(issuing);
            long rootNumber = crlNumber(root);

            crls.refreshStale();                                                      // logs, does not throw

            assertThat(crlNumber(issuing)).as("the issuing CA's CRL is left as it was").isEqualTo(issuingNumber);
            assertThat(crlNumber(root)).as("the root's CRL is re-signed all the same").isEqualTo(rootNumber + 1);
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> crls.publish(issuing)))
                    .as("the error names the row to mend").hasMessageContaining(serial);

            // a CA whose first CRL could not be signed has none to serve: the CRL endpoint fails, and the metric the
            // CRL alerts watch says "past nextUpdate" (-Inf) instead of nothing (NaN)
            db.update("UPDATE ca_authority SET crl = NULL, crl_this_update = NULL, crl_next_update = NULL WHERE name = ?", issuing);
            crls.refreshStale();
            given().get("/pki/crl/" + issuing + ".crl").then().statusCode(500);
            metrics.refreshCrlTimes();
            PrometheusScrape scrape = PrometheusScrape.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
            assertThat(scrape.value("sertel_crl_next_update_seconds", Map.of("ca", issuing))).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(scrape.value("sertel_crl_next_update_seconds", Map.of("ca", root))).isPositive();

            db.update("UPDATE certificate SET revoked_at = now() WHERE serial = ?", serial);
            crls.refreshStale();
            assertThat(crlNumber(issuing)).isEqualTo(issuingNumber + 1);
            metrics.refreshCrlTimes();
            assertThat(PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString())
                    .value("sertel_crl_next_update_seconds", Map.of("ca", issuing))).isPositive();
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(crls.current(issuing)));
            assertThat(crl.getRevokedCertificate(new BigInteger(serial, 16))).isNotNull();
        } finally {
            db.update("UPDATE certificate SET revoked_at = now() WHERE serial = ? AND revoked_at IS NULL", serial);
        }
    }

    private long crlNumber(String ca) {
        return ((Number) db.column("SELECT crl_number FROM ca_authority WHERE name = ?", ca).get(0)).longValue();
    }
}
