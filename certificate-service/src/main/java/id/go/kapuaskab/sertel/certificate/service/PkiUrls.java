package id.go.kapuaskab.sertel.certificate.service;

/** The public URLs written into certificates; served by {@code PkiResource} and {@code OcspResource} behind the gateway. */
public record PkiUrls(String base) {

    public PkiUrls {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String crl(String caName) {
        return base + "/pki/crl/" + caName + ".crl";
    }

    public String ocsp() {
        return base + "/pki/ocsp";
    }

    /** DER certificate of the CA, for AIA caIssuers (RFC 5280 §4.2.2.1 asks for DER or a certs-only PKCS#7). */
    public String caIssuers(String caName) {
        return base + "/pki/ca/" + caName + ".cer";
    }
}
