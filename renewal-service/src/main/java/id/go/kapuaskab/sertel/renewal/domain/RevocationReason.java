package id.go.kapuaskab.sertel.renewal.domain;

/**
 * The RFC 5280 reasons an applicant may give for a revocation, named as RFC 5280 names them (and as
 * certificate-service expects them). {@code certificateHold} is suspension, an admin's act at the CA, and
 * {@code removeFromCRL} is not a reason one asks for, so neither is offered.
 */
public enum RevocationReason {
    unspecified,
    keyCompromise,
    affiliationChanged,
    superseded,
    cessationOfOperation,
    privilegeWithdrawn
}
