package id.go.kapuaskab.sertel.signing.domain;

/** Where a kept key stands: waiting for its certificate, usable, or locked after too many wrong passphrases. */
public enum KeyStatus {
    AWAITING_CERTIFICATE, ACTIVE, LOCKED
}
