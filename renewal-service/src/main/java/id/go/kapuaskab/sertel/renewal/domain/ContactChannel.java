package id.go.kapuaskab.sertel.renewal.domain;

/** How the verifier reached the applicant's institution in SOP step 7b. */
public enum ContactChannel {
    PHONE,
    EMAIL,
    LETTER,
    IN_PERSON
}
