package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The columns and values of a new certificate row, for the two statements that write one: the issuance's intent,
 * certificate, audit record and event in one statement ({@link IssuanceRepository#record}) and a certificate on its
 * own ({@link CertificateRepository#insertUnlessKeyCertified}). Both run in plain JDBC on the transaction's
 * connection; every later change goes through the entity. The values are typed by their binding, so they also type
 * in an {@code INSERT … SELECT}.
 */
final class CertificateInsert {

    static final String COLUMNS = """
            serial, ca_name, request_id, holder_id, institution_id, profile, subject_dn, common_name, email, key_type,
            key_fingerprint, key_generated, not_before, not_after, status, der, predecessor_serial, created_at, version""";

    static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS varchar), ?, 0";

    private CertificateInsert() {
    }

    /** Binds {@link #VALUES} from parameter {@code index}; returns the next free index. */
    static int bind(PreparedStatement s, int index, Certificate c) throws SQLException {
        int i = index;
        s.setString(i++, c.serial);
        s.setString(i++, c.caName);
        s.setObject(i++, c.requestId);
        s.setObject(i++, c.holderId);
        s.setObject(i++, c.institutionId);
        s.setString(i++, c.profile);
        s.setString(i++, c.subjectDn);
        s.setString(i++, c.commonName);
        s.setString(i++, c.email);
        s.setString(i++, c.keyType.name());
        s.setString(i++, c.keyFingerprint);
        s.setBoolean(i++, c.keyGenerated);
        s.setObject(i++, odt(c.notBefore));
        s.setObject(i++, odt(c.notAfter));
        s.setString(i++, c.status.name());
        s.setBytes(i++, c.der);
        s.setString(i++, c.predecessorSerial);
        s.setObject(i++, odt(c.createdAt));
        return i;
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
