package id.go.kapuaskab.sertel.renewal.domain;

/** What a request asks for: a first certificate, a new one for an expiring one, or an end to one. */
public enum RequestType {
    ISSUANCE,
    RENEWAL,
    REVOCATION
}
