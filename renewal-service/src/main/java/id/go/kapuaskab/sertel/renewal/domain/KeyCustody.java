package id.go.kapuaskab.sertel.renewal.domain;

/** Who holds a key that sertel generates (a request with a CSR has none: the applicant made the key). */
public enum KeyCustody {
    /** The CA generates it; the applicant collects it once as a PKCS#12 under a passphrase. */
    DELIVERED,
    /** signing-service generates and keeps it, wrapped under the holder's passphrase; it leaves only as signatures. */
    KEPT
}
