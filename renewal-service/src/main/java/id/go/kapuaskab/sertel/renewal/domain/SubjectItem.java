package id.go.kapuaskab.sertel.renewal.domain;

/** The subject items a verifier checks in SOP step 7a: those in the certificate and the NIK that binds it to the person. */
public enum SubjectItem {
    FULL_NAME,
    EMAIL,
    NIK,
    INSTITUTION,
    UNIT
}
