package id.go.kapuaskab.sertel.certificate.domain;

import java.util.UUID;

/**
 * The approved applicant data a certificate is issued for, as renewal-service sends it. The NIK is used only to
 * check the passphrase of a server-generated key; it is never written into a certificate, a log or the database.
 */
public record SubjectSnapshot(String commonName, String email, String nik, UUID institutionId, String organization,
                              String organizationalUnit) {

    @Override
    public String toString() {
        return "SubjectSnapshot[commonName=" + commonName + ", institutionId=" + institutionId + "]";
    }
}
