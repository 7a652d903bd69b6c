package id.go.kapuaskab.sertel.applicant.domain;

/** The roles of people; service identities have roles of their own (see {@code docs/ARCHITECTURE.md}). */
public enum Role {
    APPLICANT,
    VERIFIER,
    ADMIN,
    /** Read-only access to the audit trails of every service; created and managed by admins like the other officers. */
    AUDITOR
}
