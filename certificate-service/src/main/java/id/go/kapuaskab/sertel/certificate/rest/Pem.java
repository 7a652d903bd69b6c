package id.go.kapuaskab.sertel.certificate.rest;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** PEM text of certificates, one block after another, as {@code application/pem-certificate-chain} expects. */
final class Pem {

    static final String CHAIN = "application/pem-certificate-chain";
    static final String PEM_FILE = "application/x-pem-file";
    static final String DER = "application/pkix-cert";
    static final String CRL = "application/pkix-crl";

    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    static String certificate(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + MIME.encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    static String certificates(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : chain) {
            pem.append(certificate(der(c)));
        }
        return pem.toString();
    }

    static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
