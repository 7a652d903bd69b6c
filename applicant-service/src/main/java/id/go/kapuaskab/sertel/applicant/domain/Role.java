package id.go.kapuaskab.sertel.applicant.domain;

/** The roles of people; service identities have roles of their own (see {@code docs/ARCHITECTURE.md}). */
public enum Role {
    APPLICANT,
    VERIFIER,
    ADMIN
}
