package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import jakarta.persistence.Query;

/**
 * The columns and values of a new certificate row, for the two statements that write one: the issuance's intent and
 * certificate in one statement ({@link IssuanceRepository#record}) and a certificate on its own
 * ({@link CertificateRepository#insertUnlessKeyCertified}). Every later change goes through the entity. The values
 * are cast, so they also type in an {@code INSERT … SELECT}.
 */
final class CertificateInsert {

    static final String COLUMNS = """
            serial, ca_name, request_id, holder_id, institution_id, profile, subject_dn, common_name, email, key_type,
            key_fingerprint, key_generated, not_before, not_after, status, der, predecessor_serial, created_at, version""";

    static final String VALUES = """
            :serial, :ca, CAST(:request AS uuid), CAST(:holder AS uuid), CAST(:institution AS uuid), :profile, :dn, :cn, :email,
            :keyType, :fp, CAST(:generated AS boolean), CAST(:notBefore AS timestamptz), CAST(:notAfter AS timestamptz), :status,
            CAST(:der AS bytea), CAST(:predecessor AS varchar), CAST(:created AS timestamptz), 0""";

    private CertificateInsert() {
    }

    static Query bind(Query q, Certificate c) {
        return q.setParameter("serial", c.serial).setParameter("ca", c.caName).setParameter("request", c.requestId)
                .setParameter("holder", c.holderId).setParameter("institution", c.institutionId).setParameter("profile", c.profile)
                .setParameter("dn", c.subjectDn).setParameter("cn", c.commonName).setParameter("email", c.email)
                .setParameter("keyType", c.keyType.name()).setParameter("fp", c.keyFingerprint).setParameter("generated", c.keyGenerated)
                .setParameter("notBefore", c.notBefore).setParameter("notAfter", c.notAfter).setParameter("status", c.status.name())
                .setParameter("der", c.der).setParameter("predecessor", c.predecessorSerial).setParameter("created", c.createdAt);
    }
}
